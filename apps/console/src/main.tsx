import '@tsumiki/ui/styles.css';
import { mountApp } from '@tsumiki/ui';
import { ConsoleRoutes } from './routes';

mountApp('console', <ConsoleRoutes />);
