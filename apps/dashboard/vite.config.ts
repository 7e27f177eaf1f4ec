import { tsumikiAppConfig } from '@tsumiki/ui/vite-config';

// Isolated: without it, the home page's association test failed in 2 of 4 runs after the other files
// (state shared between files, not found yet).
export default tsumikiAppConfig({ port: 5175, isolateTests: true });
