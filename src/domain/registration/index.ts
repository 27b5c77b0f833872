/**
 * Registration domain (Decree 58/2022): certificate types, lifecycle, issue rules, organisation
 * status and alerts. Pure functions, no I/O.
 */
export * from './iso-date';
export * from './certificate-types';
export * from './certificate-events';
export { foldEvents, sortEvents } from './certificate-reducer';
export * from './certificate-as-of';
export { applyEvent, replayStrict, type LifecycleContext } from './lifecycle';
export * from './issue-rules';
export * from './organisation-status';
export * from './alerts';
export * from './home-term';
export * from './aid-scope';
