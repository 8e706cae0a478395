export * from './dossier-message.js';
export * from './monitor.js';
export * from './procedure-record.js';
export * from './protocol.js';
export * from './schemas.js';
