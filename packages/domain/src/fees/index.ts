export * from './fee-account.js';
