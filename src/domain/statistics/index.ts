export * from './allocation';
export * from './change';
export * from './decimal';
export * from './definitions';
