import '@mantine/charts/styles.css';
import '@tsumiki/ui/styles.css';
import { mountApp } from '@tsumiki/ui';
import { messages } from './messages';
import { ConsoleRoutes } from './routes';

mountApp('console', <ConsoleRoutes />, { messages });
