import { tsumikiAppConfig } from '@tsumiki/ui/vite-config';

export default tsumikiAppConfig({ port: 5175 });
