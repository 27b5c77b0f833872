export * from './allocation';
export * from './change';
export * from '../money/decimal';
export * from './definitions';
