/** The National Programme: programmes as data, the needs catalogue's workflow, and NGO matching (pure rules). */
export * from './programme-content';
export * from './needs-workflow';
export * from './matching';
export * from './programme-reports';
export * from './priority-figures';
