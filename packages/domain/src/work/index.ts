export * from './schedule.js';
export * from './task.js';
export * from './vocabulary.js';
