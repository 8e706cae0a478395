export * from './dossier-message.js';
export * from './procedure-record.js';
export * from './protocol.js';
export * from './schemas.js';
