export * from './definition.js';
export * from './format.js';
export * from './places.js';
export * from './result-template.js';
export * from './values.js';
