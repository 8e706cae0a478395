export * from './monitor.js';
export * from './protocol.js';
