import { api, uploadFile } from '../../api/client';
import type { Text } from './api';

/** Shapes of the historical-dossier import answers (see /api/v1/reports/imports in /openapi.json). */
export type ImportStatus = 'running' | 'completed' | 'failed';

export type ImportTotals = {
  rows: number;
  imported: number;
  created: number;
  replaced: number;
  rejected: number;
  warnings: number;
  issues: { code: string; severity: 'error' | 'warning'; count: number; label: Text }[];
  unknownAgencies: string[];
  fileBytes: number | null;
  bytesRead: number | null;
};

export type ImportRun = {
  id: string;
  provinceCode: string | null;
  fileName: string | null;
  status: ImportStatus;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string | null;
  totals: ImportTotals;
  failure: Text | null;
};

export type ImportRow = {
  rowNo: number;
  code: string | null;
  outcome: 'imported' | 'rejected';
  issues: { severity: 'error' | 'warning'; field: string; code: string; message: Text }[];
};

export type ImportReport = ImportRun & { rows: ImportRow[]; nextAfterRow: number | null };

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
  api.get<{ items: ImportRun[]; nextCursor: string | null }>('/api/v1/reports/imports', { cursor, limit: 10 }, signal);
