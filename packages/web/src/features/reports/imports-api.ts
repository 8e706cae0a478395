import { api, uploadFile } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/** The historical-dossier import answers, read from the server's contract (/api/v1/reports/imports). */
export type ImportRun = Schema<'DossierImportRun'>;
export type ImportStatus = ImportRun['status'];
export type ImportTotals = ImportRun['totals'];
export type ImportReport = Schema<'DossierImportReport'>;
export type ImportRow = ImportReport['rows'][number];

/** The file types the import reads (by extension), for the file picker. */
export const IMPORT_ACCEPT = '.csv,.json,.jsonl,.ndjson';

export const startImport = (file: File, onProgress: (fraction: number) => void) =>
  uploadFile<ImportRun>('/api/v1/reports/imports', file, { fileName: file.name, onProgress });

export const fetchImport = (
  id: string,
  query: { outcome: 'imported' | 'rejected'; afterRow: number; limit: number },
  signal?: AbortSignal,
) => api.get<ImportReport>(`/api/v1/reports/imports/${encodeURIComponent(id)}`, query, signal);

export const fetchImports = (cursor: string | undefined, signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/reports/imports', 'get'>>('/api/v1/reports/imports', { cursor, limit: 10 }, signal);
