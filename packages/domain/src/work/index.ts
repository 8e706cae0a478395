export * from './dashboard.js';
export * from './vocabulary.js';
