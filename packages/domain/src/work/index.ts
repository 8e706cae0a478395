export * from './consultation.js';
export * from './dashboard.js';
export * from './schedule.js';
export * from './task.js';
export * from './vocabulary.js';
export * from './work-file.js';
