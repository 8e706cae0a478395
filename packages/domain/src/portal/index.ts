export * from './money-words.js';
export * from './next-step.js';
export * from './online-application.js';
export * from './pakn.js';
export * from './payment-message.js';
export * from './rating.js';
export * from './receiving-office.js';
export * from './tracking-throttle.js';
