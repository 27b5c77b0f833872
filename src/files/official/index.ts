/**
 * The one layout of every document vnaid produces for the State (Decree 30/2020): frame contents, number and date
 * formats, and the PDF and xlsx renderers of the frame.
 * @module
 */
export * from './format';
export * from './frame';
export * from './pdf-layout';
export * from './xlsx-layout';
export * from './state-report';
export * from './outcome-pdf';
export * from './receipt-pdf';
