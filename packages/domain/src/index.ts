export * from './application';
export * from './attachment';
export * from './auth';
export * from './errors';
export * from './money';
export * from './programme';
export * from './roles';
export * from './time';
