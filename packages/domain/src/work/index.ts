export * from './consultation.js';
export * from './vocabulary.js';
