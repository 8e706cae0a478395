export * from './task.js';
export * from './vocabulary.js';
