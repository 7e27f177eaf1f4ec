import '@tsumiki/ui/styles.css';
import '@mantine/charts/styles.css';
import { mountApp } from '@tsumiki/ui';
import { messages } from './messages';
import { DashboardRoutes } from './routes';

mountApp('dashboard', <DashboardRoutes />, messages);
