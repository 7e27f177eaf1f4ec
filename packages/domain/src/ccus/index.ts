export * from './compute';
export * from './metrics';
export * from './period';
export * from './survey';
export * from './summary';
export * from './import';
export * from './targets';
export * from './export';
