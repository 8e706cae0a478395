export * from './delivery-status.js';
export * from './edxml.js';
export * from './numbering.js';
export * from './vocabulary.js';
