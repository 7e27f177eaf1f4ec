import type { UserConfig } from 'vite';

export declare function tsumikiAppConfig(options: { port: number; isolateTests?: boolean }): UserConfig;
