export * from './delivery-status.js';
export * from './numbering.js';
export * from './outgoing.js';
export * from './vocabulary.js';
