export { COMMANDS, run } from './main.js';
