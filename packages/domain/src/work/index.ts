export * from './schedule.js';
export * from './vocabulary.js';
