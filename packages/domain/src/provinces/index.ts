export * from './site.js';
