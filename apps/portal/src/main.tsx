import '@tsumiki/ui/styles.css';
import { lazyPage, mountApp } from '@tsumiki/ui';
import { Route } from 'react-router';
import { messages } from './messages';
import { PortalRoutes } from './routes';

const AcceptInvitationPage = lazyPage(() => import('./organisation/accept-invitation-page'), 'AcceptInvitationPage');
const SignUpPage = lazyPage(() => import('./organisation/sign-up-page'), 'SignUpPage');

// Sign-up and invitation links are reached before anyone is signed in.
const publicRoutes = (
  <>
    <Route path="/sign-up" element={<SignUpPage />} />
    <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
  </>
);

mountApp('portal', <PortalRoutes />, { messages, publicRoutes });
