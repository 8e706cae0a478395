export * from './campaign.js';
export * from './questionnaire.js';
export * from './sampling.js';
export * from './satisfaction-index.js';
export * from './year-on-year.js';
