export * from './dossier-message.js';
export * from './protocol.js';
