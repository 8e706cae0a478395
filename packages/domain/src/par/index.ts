export * from './scoring.js';
export * from './types.js';
