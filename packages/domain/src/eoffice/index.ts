export * from './delivery-status.js';
export * from './incoming.js';
export * from './numbering.js';
export * from './vocabulary.js';
