import { useSession } from '@tsumiki/ui';
import { Navigate, useLocation } from 'react-router';
import { OverviewPage } from './overview-page';

/** The ministry starts on the national overview; association staff on their own association. */
export function HomePage() {
  const session = useSession();
  // The chosen period travels with the redirect.
  const { search } = useLocation();
  if (session.memberships.some((m) => m.role === 'ministry')) return <OverviewPage />;
  const own = session.memberships.find((m) => m.role.startsWith('association_'));
  return own ? <Navigate to={`/associations/${own.organisationId}${search}`} replace /> : null;
}
