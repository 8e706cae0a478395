export * from './round.js';
export * from './system-figure.js';
export * from './types.js';
