export { type AppDeps, buildApp } from './app.js';
export { type Config, ConfigError, loadConfig } from './config.js';
export { type AppContext, type Clock, systemClock } from './context.js';
export {
  DataDirLockedError,
  expectedMigrationVersion,
  openConfiguredDatabase,
  type PrepareResult,
  prepareDatabase,
  type RunningServer,
  startServer,
} from './runtime.js';
export { seedDemo } from './seed/demo.js';
