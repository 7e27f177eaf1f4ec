import '@tsumiki/ui/styles.css';
import '@mantine/charts/styles.css';
import { lazyPage, mountApp } from '@tsumiki/ui';
import { Route } from 'react-router';
import { messages } from './messages';
import { DashboardRoutes } from './routes';

const PublicPage = lazyPage(() => import('./pages/public-page'), 'PublicPage');

mountApp('dashboard', <DashboardRoutes />, { messages, publicRoutes: <Route path="public" element={<PublicPage />} /> });
