export * from './vocabulary.js';
export * from './consultation.js';
