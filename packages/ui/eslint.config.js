import { react } from '@tsumiki/eslint-config';

// vite-config.js is Node-side JavaScript for the apps' Vite configs, outside the typed project.
export default [...react, { ignores: ['src/vite-config.js'] }];
