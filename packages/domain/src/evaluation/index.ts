export * from './flow.js';
export * from './quota.js';
export * from './scoring.js';
