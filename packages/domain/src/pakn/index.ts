export * from './pakn-deadlines.js';
export * from './pakn-indicators.js';
export * from './pakn-workflow.js';
