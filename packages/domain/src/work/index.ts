export * from './vocabulary.js';
export * from './work-file.js';
