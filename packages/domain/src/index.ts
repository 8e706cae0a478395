export * from './access/permissions.js';
export * from './agencies/agency.js';
export * from './calendar/index.js';
export * from './catalog/index.js';
export * from './dossier/index.js';
export * from './eforms/index.js';
export * from './portal/index.js';
export * from './statistics/index.js';
export { foldVietnamese, normalizeVietnamese } from './text/fold.js';
