export * from './criteria-edit.js';
export * from './criteria-set.js';
export * from './criteria-sheet.js';
export * from './national-table.js';
export * from './round.js';
export * from './scoring.js';
export * from './system-figure.js';
export * from './types.js';
