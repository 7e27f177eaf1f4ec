import '@tsumiki/ui/styles.css';
import { mountApp } from '@tsumiki/ui';
import { messages } from './messages';
import { PortalRoutes } from './routes';

mountApp('portal', <PortalRoutes />, { messages });
