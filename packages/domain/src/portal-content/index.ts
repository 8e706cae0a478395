export * from './portal-content.js';
