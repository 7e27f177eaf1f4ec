export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from './root';
export { createContext, type ApiDependencies, type Context, type CookieJar, type Logger, type ProcedureCall, type ProcedureObserver, type RequestInfo } from './context';
export { hashPassword, verifyPassword } from './auth/password';
export { SESSION_COOKIE } from './auth/session-token';
export type { Meta } from './trpc';
export { readSheetRows, type TSheetFile } from './lib/sheet-rows';
export { attachmentPreview } from './routers/review/attachment-preview';
export { runReminders, startReminderTimer, type ReminderRun } from './routers/review/reminders.service';
export * from './storage';
