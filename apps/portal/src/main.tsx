import '@tsumiki/ui/styles.css';
import { mountApp } from '@tsumiki/ui';
import { PortalRoutes } from './routes';

mountApp('portal', <PortalRoutes />);
