export { AppLayout, visibleNavItems, type NavItem } from './app-layout';
export { AuthGate } from './auth-gate';
export { errorText, fieldErrorText } from './errors';
export { useDomainForm, type DomainForm, type DomainFormOptions } from './domain-form';
export { displayFiscalYear, displayJst, displayJstTime, displayYen } from './format';
export { createI18n, initialLocale, LOCALES, rememberLocale, showLocale, type AppMessages, type Locale, type LocaleMessages } from './i18n';
export { LocaleSwitch } from './locale-switch';
export { TsumikiProvider, useAppName, type TsumikiProviderProps } from './provider';
export { QueryState } from './query-state';
export { useSession, type Session } from './session';
export { SignInPage } from './sign-in-page';
export { theme } from './theme';
export {
  appErrorData,
  createApiClient,
  createHttpLinks,
  createQueryClient,
  CSRF_HEADER,
  useTRPC,
  useTRPCClient,
  type ApiClient,
  type AppErrorData,
  type AppRouter,
} from './trpc';
export { useSignOut } from './use-sign-out';
export { mountApp } from './mount';
export { ProgrammeTable, type ProgrammeSummary } from './programme-table';
export { WindowText } from './window-text';
export { NotFoundPage } from './not-found-page';
export { AppRoutes, lazyPage } from './app-routes';
export { ProgrammesSection } from './programmes-section';
export { chosenFileProblem, isAttachmentType, readFileBase64, saveFile, type DownloadableFile } from './files';
export { useChosenFile } from './use-chosen-file';
export { ExportMenu, type ExportFormat } from './export-menu';
export { FactorDerivation } from './factor-derivation';
export { FormDocumentView, FormFiguresView } from './form-document';
export { CountInput, QuantityInput, YenInput, type YenInputProps } from './yen-input';
export { chartName, COUNT_AXIS, legendInSeriesOrder, referenceLineAtRight } from './charts';
export { ConfirmButton, type ConfirmButtonProps } from './confirm-button';
export { UnsavedChangesGuard } from './unsaved-changes';
export { DataTable, type DataColumn, type DataTableProps, type SortingState } from './data-table';
