// No zod here: every app's first screen reads ROLE_APP, and the schemas are in role-schemas.ts so
// that screen does not download the validation library.

/** SPEC §7. A membership gives one user one role in one organisation. */
export const ROLES = [
  'applicant',
  'reviewer', // 事務局 (secretariat staff)
  'committee', // 評価委員 (committee member)
  'programme_admin', // 事業主体・所管部署 (programme office)
  'association_reporter',
  'association_viewer',
  'ministry',
] as const;
export type TRole = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['applicant', 'association', 'programme_office', 'ministry'] as const;
export type TOrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which organisation kind may hold each role: a reviewer works for a programme office, etc. */
export const ROLE_ORGANISATION_KIND: Record<TRole, TOrganisationKind> = {
  applicant: 'applicant',
  reviewer: 'programme_office',
  committee: 'programme_office',
  programme_admin: 'programme_office',
  association_reporter: 'association',
  association_viewer: 'association',
  ministry: 'ministry',
};

export const APPS = ['portal', 'console', 'dashboard'] as const;
export type TApp = (typeof APPS)[number];

/** Which front end each role works in. */
export const ROLE_APP: Record<TRole, TApp> = {
  applicant: 'portal',
  reviewer: 'console',
  committee: 'console',
  programme_admin: 'console',
  association_reporter: 'dashboard',
  association_viewer: 'dashboard',
  ministry: 'dashboard',
};

export const rolesForApp = (app: TApp): TRole[] => ROLES.filter((role) => ROLE_APP[role] === app);

export function roleMayHoldIn(role: TRole, kind: TOrganisationKind): boolean {
  return ROLE_ORGANISATION_KIND[role] === kind;
}
