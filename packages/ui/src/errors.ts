import type { TFunction } from 'i18next';
import { displayParams } from '@tsumiki/domain';
import { appErrorData } from './trpc';

/**
 * The user's words for any failure: the API's code through the shared catalogue; a network failure
 * (no code) as service.unavailable so the message says "try again", never a raw exception.
 */
export function errorText(t: TFunction, error: unknown): string {
  const data = appErrorData(error);
  const code = data?.appCode ?? 'service.unavailable';
  return t(code, { ns: 'errors', keySeparator: false, ...withRoleNames(t, displayParams(data?.appParams ?? {})) });
}

/**
 * The API names roles by code ("association_reporter") so the message works in any language; the
 * user reads them by their names (協会（報告担当）).
 */
function withRoleNames(t: TFunction, params: Record<string, string | number>): Record<string, string | number> {
  const roles = params.roles;
  if (typeof roles !== 'string') return params;
  const names = roles.split(/,\s*/).map((code) => t(`role.${code}`, { defaultValue: code }));
  return { ...params, roles: names.join(t('role.separator', { defaultValue: ', ' })) };
}

/**
 * A zod issue message is a catalogue code (see packages/domain); show it in the user's language,
 * with the limits the API sent beside a field error ("500文字以内で…").
 */
export function fieldErrorText(t: TFunction, code: unknown, params: Record<string, string | number> = {}): string | undefined {
  if (typeof code !== 'string' || code === '') return undefined;
  return t(code, { ns: 'errors', keySeparator: false, defaultValue: code, ...displayParams(params) });
}
