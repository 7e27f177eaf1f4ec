import '@tsumiki/ui/styles.css';
import { mountApp } from '@tsumiki/ui';
import { Route } from 'react-router';
import { messages } from './messages';
import { AcceptInvitationPage } from './organisation/accept-invitation-page';
import { SignUpPage } from './organisation/sign-up-page';
import { PortalRoutes } from './routes';

// Sign-up and invitation links are reached before anyone is signed in.
const publicRoutes = (
  <>
    <Route path="/sign-up" element={<SignUpPage />} />
    <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
  </>
);

mountApp('portal', <PortalRoutes />, { messages, publicRoutes });
