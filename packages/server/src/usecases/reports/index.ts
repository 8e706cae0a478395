// What the command line needs from reports (imports, synthetic data, reports without HTTP).
export {
  DossierImportFileError,
  type DossierImportProgress,
  type DossierImportReport,
  readImportFile,
  runDossierImport,
} from './import.js';
export { getServiceIndexReport, type ServiceIndexReport } from './service-index.js';
export { getStatisticsReport, STATISTICS_GROUPINGS, type StatisticsReport } from './statistics.js';
export { type SyntheticProgress, SyntheticSetupError, seedSyntheticDossiers } from './synthetic.js';
