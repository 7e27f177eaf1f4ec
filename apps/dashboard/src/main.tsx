import '@tsumiki/ui/styles.css';
import '@mantine/charts/styles.css';
import { mountApp } from '@tsumiki/ui';
import { Route } from 'react-router';
import { messages } from './messages';
import { PublicPage } from './pages/public-page';
import { DashboardRoutes } from './routes';

mountApp('dashboard', <DashboardRoutes />, { messages, publicRoutes: <Route path="public" element={<PublicPage />} /> });
