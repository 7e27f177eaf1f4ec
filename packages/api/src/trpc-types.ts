import type { Context } from './context';

export type { Context };
export type SignedInAuth = Extract<Context['auth'], { state: 'signed-in' }>;
