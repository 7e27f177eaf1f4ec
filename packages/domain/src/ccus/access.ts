import type { TRole } from '../roles';

type Membership = { readonly role: TRole; readonly organisationId: string };

/** The ministry reads every association; an association's reporters and viewers read their own. */
export function mayReadAssociation(memberships: readonly Membership[], associationId: string): boolean {
  return memberships.some(
    (m) =>
      m.role === 'ministry' ||
      (m.organisationId === associationId && (m.role === 'association_reporter' || m.role === 'association_viewer')),
  );
}

/** Only the association's own reporters enter, import or change its figures, targets and texts. */
export function mayReportForAssociation(memberships: readonly Membership[], associationId: string): boolean {
  return memberships.some((m) => m.organisationId === associationId && m.role === 'association_reporter');
}
