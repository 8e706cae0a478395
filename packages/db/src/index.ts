export * from './administrative-units.queries.js';
export * from './agencies.queries.js';
export * from './app-settings.queries.js';
export * from './backup.queries.js';
export * from './calendar.queries.js';
export * from './catalog.queries.js';
export * from './catalog-pull.queries.js';
export { type DatabaseHandle, type DatabaseKind, type DatabaseOptions, openDatabase } from './client.js';
export * from './consultations.queries.js';
export * from './document-exchange.queries.js';
export * from './document-registers.queries.js';
export * from './dossier-import.queries.js';
export * from './dossiers.queries.js';
export * from './dvcqg-monitor.queries.js';
export * from './dvcqg-sync.queries.js';
export * from './eoffice.queries.js';
export * from './evaluation.queries.js';
export * from './fees.queries.js';
export * from './hosting-figures.queries.js';
export * from './incoming-documents.queries.js';
export * from './issued-forms.queries.js';
export * from './job-queue.queries.js';
export * from './lateness.queries.js';
export * from './load-dossiers.queries.js';
export {
  getMigrationStatus,
  getSchemaVersion,
  MIGRATIONS_DIR,
  type MigrateResult,
  MigrationError,
  type MigrationStatus,
  migrate,
  readMigrationFiles,
} from './migrate.js';
export * from './officials.queries.js';
export * from './outgoing-documents.queries.js';
export * from './pakn.queries.js';
export * from './par-results.queries.js';
export * from './par-rounds.queries.js';
export * from './par-seed.queries.js';
export * from './par-sets.queries.js';
export * from './portal.queries.js';
export * from './portal-content.queries.js';
export * from './portal-media.queries.js';
export * from './procedure-decisions.queries.js';
export * from './province-sites.queries.js';
export {
  ADMINISTRATIVE_UNITS_DATA_VERSION,
  REFERENCE_DATA_DIR,
  readAdministrativeUnits,
  syncAdministrativeUnits,
} from './reference-data.js';
export * from './reference-revision.queries.js';
export {
  getReplicaStatus,
  openReplica,
  REPLICA_APPLICATION_NAME,
  type ReplicaHandle,
  type ReplicaOptions,
  type ReplicaStats,
  type ReplicaStatus,
  ReplicaUnavailableError,
} from './replica.js';
export * from './schedule.queries.js';
export type { Database } from './schema.js';
export * from './signing.queries.js';
export * from './sipas.queries.js';
export * from './sql-executor.js';
export * from './statistics-aggregates.queries.js';
export * from './statistics-drill-down.queries.js';
export * from './statistics-sums.queries.js';
export * from './synthetic-dossiers.queries.js';
export * from './synthetic-history.queries.js';
export * from './tables/calendar.js';
export * from './tables/catalog.js';
export * from './tables/document-exchange.js';
export * from './tables/dossiers.js';
export * from './tables/eoffice.js';
export * from './tables/fees.js';
export * from './tables/forms.js';
export * from './tables/foundation.js';
export * from './tables/integration.js';
export * from './tables/officials.js';
export * from './tables/pakn.js';
export * from './tables/par.js';
export * from './tables/par-round.js';
export * from './tables/portal.js';
export * from './tables/portal-content.js';
export * from './tables/portal-media.js';
export * from './tables/signing.js';
export * from './tables/statistics.js';
export * from './tasks.queries.js';
export * from './tracking.queries.js';
export * from './tracking-book.queries.js';
export * from './users.queries.js';
export * from './webhooks.queries.js';
export * from './work-audit.queries.js';
export * from './work-dashboard.queries.js';
export * from './work-events.queries.js';
export * from './work-files.queries.js';
export * from './work-notices.queries.js';
