import { z } from 'zod';
import { ZRole } from './role-schemas';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'auth.email_invalid' })
  .pipe(z.email({ message: 'auth.email_invalid' }));

/** Long passphrases over complexity rules (NIST SP 800-63B): at least 12 characters. */
export const PASSWORD_MIN_LENGTH = 12;
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'auth.password_too_short' })
  .max(256, { message: 'auth.password_too_long' });

export const ZSignInInput = z.object({
  email: ZEmail,
  // Existing passwords are checked, not re-validated: a wrong one gets the same answer as any other.
  password: z.string().min(1, { message: 'auth.password_required' }).max(256, { message: 'auth.password_too_long' }),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZCreateUserInput = z.object({
  email: ZEmail,
  displayName: z.string().trim().min(1, { message: 'user.display_name_required' }).max(100),
  password: ZNewPassword,
  organisationId: z.uuid(),
  role: ZRole,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

/** Session lifetime: a working day, renewed while in use. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** Sign-in back-off: this many failures for one address (or many more from one client) within the window. */
export const SIGN_IN_MAX_FAILURES_PER_EMAIL = 5;
export const SIGN_IN_MAX_FAILURES_PER_CLIENT = 30;
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
