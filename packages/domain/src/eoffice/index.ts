export * from './delivery-status.js';
export * from './document-rates.js';
export * from './edxml.js';
export * from './incoming.js';
export * from './numbering.js';
export * from './outgoing.js';
export * from './vocabulary.js';
