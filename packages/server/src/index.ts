export { type AppDeps, buildApp } from './app.js';
export { deriveTrackingPin, getInstallationSecret } from './auth/installation-secret.js';
export {
  BACKUP_FORMAT,
  BackupError,
  type BackupManifest,
  createBackup,
  type RestoreReport,
  restoreBackup,
} from './backup/backup.js';
export { type Config, ConfigError, loadConfig, type StorageConfig } from './config.js';
export { type AppContext, type Clock, systemClock } from './context.js';
export {
  createDvcqgClient,
  type DvcqgCallResult,
  type DvcqgClient,
  type DvcqgClientOptions,
} from './integration/dvcqg/client.js';
export {
  createDvcqgSimulator,
  DEFAULT_SIMULATOR_PASSWORD,
  DEFAULT_SIMULATOR_USERNAME,
  type DvcqgSimulatorOptions,
} from './integration/dvcqg/simulator.js';
export { startJobs } from './jobs/jobs.js';
export { buildOpenApiDocument } from './openapi-document.js';
export {
  DataDirLockedError,
  expectedMigrationVersion,
  openConfiguredDatabase,
  openRuntimeContext,
  type PrepareResult,
  prepareDatabase,
  type RunningServer,
  type RuntimeContext,
  startServer,
} from './runtime.js';
export { DEFAULT_DEMO_PASSWORD, DEMO_HISTORY_DOSSIERS, type DemoSeedResult, seedDemo } from './seed/demo.js';
export { describeCertificate } from './signing/certificates.js';
export { signPdf } from './signing/sign-pdf.js';
export type { AppliedSignature, SignPdfRequest } from './signing/types.js';
export { type PdfVerification, verifyPdfSignatures } from './signing/verify-pdf.js';
export type { FileStorage, StoredFile } from './storage/file-storage.js';
export { openFileStorage } from './storage/open-file-storage.js';
export { streamCatalogExport } from './usecases/catalog/export.js';
export {
  type CatalogFile,
  CatalogFileError,
  type CatalogImportProgress,
  parseCatalogFile,
  runCatalogImport,
} from './usecases/catalog/import.js';
export { type AuditFinding, type AuditReport, verifyAuditChains } from './usecases/dossiers/audit.js';
export { createProvince } from './usecases/provinces/create-province.js';
export { createHostingAdmin, describeAppError } from './usecases/provinces/hosting-admin.js';
export * from './usecases/reports/index.js';
export {
  addTrustedRoot,
  ensureTestAuthority,
  issueTestCredentialUnchecked,
} from './usecases/signing/credentials.js';
