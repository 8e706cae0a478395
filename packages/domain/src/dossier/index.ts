export * from './applicant.js';
export * from './clock.js';
export * from './dossier-code.js';
export * from './id-number.js';
export * from './routing.js';
export * from './state-machine.js';
export * from './status.js';
export * from './timeliness.js';
