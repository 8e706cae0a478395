// Statistics, the Decision 766 service index and historical imports: pure rules (no I/O).
export * from './contributions.js';
export * from './counters.js';
export * from './figures.js';
export * from './import-row.js';
export * from './period.js';
export * from './public-period.js';
export * from './series.js';
export * from './service-index.js';
export * from './service-index-ranking.js';
