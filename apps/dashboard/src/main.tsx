import '@tsumiki/ui/styles.css';
import { mountApp } from '@tsumiki/ui';
import { DashboardRoutes } from './routes';

mountApp('dashboard', <DashboardRoutes />);
