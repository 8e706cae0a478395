export * from './definition.js';
export * from './format.js';
export * from './values.js';
export * from './places.js';
