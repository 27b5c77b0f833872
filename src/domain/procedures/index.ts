/**
 * Procedures domain: procedure definitions as versioned data, consultation lists, the dossier state
 * machine and its statutory clock. Pure functions, no I/O.
 */
export * from './types';
export * from './definitions';
export * from './consultation';
export * from './dossier-machine';
export * from './dossier-clock';
export * from './aid-routing';
export * from './aid-decision-content';
export * from './sanction-machine';
export { SANCTION_PROCEDURES } from './d58-sanctions';
