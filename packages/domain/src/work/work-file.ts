import { foldVietnamese } from '../text/fold.js';
import type { WorkFileItemKind, WorkFileStatus } from './vocabulary.js';

/**
 * Work files (hồ sơ công việc), Decree 30/2020/NĐ-CP Chapter IV [RECALL: the articles were not in the sources
 * read; numbers as the foundation migration cites them]:
 * - Art. 28: each agency issues, at the start of the year, its file list (danh mục hồ sơ): for every file the
 *   code (số và ký hiệu hồ sơ), the title, the retention period (thời hạn bảo quản: years, or permanent) and the
 *   unit or person who keeps it (đơn vị/người lập hồ sơ);
 * - Art. 28: an official opens a file (mở hồ sơ) for a matter from the list — or outside it, when the matter
 *   was not foreseen — keeps its documents together in it, and closes it (kết thúc hồ sơ) when the matter ends;
 * - Art. 29: closed files are handed to the agency's archive (nộp lưu vào Lưu trữ cơ quan) within the time the
 *   law sets — one year from the end of the matter (Law on Archives; Art. 29(2)(a) [RECALL]).
 * One table of steps, who may take each, the code rule and the archiving due date.
 */

export const WORK_FILE_ACTIONS = ['close', 'reopen', 'archive'] as const;
export type WorkFileAction = (typeof WORK_FILE_ACTIONS)[number];

type Label = { vi: string; en: string };

type WorkFileTransition = { from: readonly WorkFileStatus[]; to: WorkFileStatus; label: Label; source: string };

export const WORK_FILE_TRANSITIONS: Readonly<Record<WorkFileAction, WorkFileTransition>> = {
  close: {
    from: ['open'],
    to: 'closed',
    label: { vi: 'Kết thúc hồ sơ', en: 'Close the file' },
    source: 'Decree 30/2020 Art. 28 [RECALL]',
  },
  reopen: {
    // A closed file not yet handed to the archive may be reopened when the matter is not finished after all.
    from: ['closed'],
    to: 'open',
    label: { vi: 'Mở lại hồ sơ', en: 'Reopen the file' },
    source: 'Practice; the reason is recorded in the file’s history',
  },
  archive: {
    from: ['closed'],
    to: 'archived',
    label: { vi: 'Nộp lưu vào Lưu trữ cơ quan', en: 'Hand to the agency archive' },
    source: 'Decree 30/2020 Art. 29 [RECALL]',
  },
};

export const WORK_FILE_STATUS_LABELS: Record<WorkFileStatus, Label> = {
  open: { vi: 'Đang mở', en: 'Open' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  archived: { vi: 'Đã nộp lưu', en: 'Archived' },
};

export const WORK_FILE_ITEM_KIND_LABELS: Record<WorkFileItemKind, Label> = {
  incoming_document: { vi: 'Văn bản đến', en: 'Incoming document' },
  outgoing_document: { vi: 'Văn bản đi', en: 'Outgoing document' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  schedule_entry: { vi: 'Lịch công tác', en: 'Calendar entry' },
  note: { vi: 'Ghi chú', en: 'Note' },
  file: { vi: 'Tệp đính kèm', en: 'Uploaded file' },
};

/** Who the caller is to a file: its owner, a head over its unit, or someone else who may read it. */
export type WorkFileActorFacts = { isOwner: boolean; headsUnit: boolean; readsUnit: boolean };

/** A confidential file is read by its owner and the heads over its unit only; others by the unit's readers. */
export const mayReadWorkFile = (file: { confidential: boolean }, actor: WorkFileActorFacts): boolean =>
  actor.isOwner || actor.headsUnit || (!file.confidential && actor.readsUnit);

/** Only the owner or a head over the unit changes a file (its state, its items). */
export const mayChangeWorkFile = (actor: WorkFileActorFacts): boolean => actor.isOwner || actor.headsUnit;

export type WorkFileRefusal =
  | 'WORKFILE_NOT_PERMITTED'
  | 'WORKFILE_ACTION_NOT_ALLOWED_IN_STATE'
  | 'WORKFILE_REASON_REQUIRED';

export type WorkFileDecision = { ok: true; to: WorkFileStatus } | { ok: false; refusal: WorkFileRefusal };

/** Decides a step: the caller (owner or head), the state (the table above), and a reason to reopen. */
export const decideWorkFileAction = (
  status: WorkFileStatus,
  actor: WorkFileActorFacts,
  input: { action: WorkFileAction; reason?: string | null | undefined },
): WorkFileDecision => {
  if (!mayChangeWorkFile(actor)) {
    return { ok: false, refusal: 'WORKFILE_NOT_PERMITTED' };
  }
  const transition = WORK_FILE_TRANSITIONS[input.action];
  if (!transition.from.includes(status)) {
    return { ok: false, refusal: 'WORKFILE_ACTION_NOT_ALLOWED_IN_STATE' };
  }
  if (input.action === 'reopen' && !input.reason?.trim()) {
    return { ok: false, refusal: 'WORKFILE_REASON_REQUIRED' };
  }
  return { ok: true, to: transition.to };
};

/** The steps the caller may take on a file now. */
export const availableWorkFileActions = (status: WorkFileStatus, actor: WorkFileActorFacts): WorkFileAction[] =>
  mayChangeWorkFile(actor)
    ? WORK_FILE_ACTIONS.filter((action) => WORK_FILE_TRANSITIONS[action].from.includes(status))
    : [];

/** Items are added and removed while the file is open only (a closed file is a finished record). */
export const mayEditWorkFileItems = (status: WorkFileStatus, actor: WorkFileActorFacts): boolean =>
  status === 'open' && mayChangeWorkFile(actor);

// ---- The code of a file ---------------------------------------------------------------------------------------

/** The code a file outside the list takes in place of a list code (ngoài danh mục). */
export const OUTSIDE_LIST_CODE = 'NDM';

/**
 * The file's code (ký hiệu hồ sơ): the year it was opened and its code in that year's file list —
 * "2026.01.VP" — with the ordinal of the file when the same entry has more than one file that year
 * ("2026.01.VP.2"); a file outside the list uses "NDM". The full archival code (mã hồ sơ) prefixes the
 * agency's identifier code (Decree 30/2020 Phụ lục VI [RECALL]: mã định danh.năm.số và ký hiệu hồ sơ).
 */
export const formatWorkFileCode = (input: { year: number; listCode: string | null; ordinal: number }): string => {
  const base = `${input.year}.${(input.listCode ?? OUTSIDE_LIST_CODE).trim()}`;
  return input.ordinal > 1 ? `${base}.${input.ordinal}` : base;
};

/** The archival code printed on the cover: the agency's identifier code, then the file's code. */
export const formatArchivalCode = (agencyCode: string, fileCode: string): string => `${agencyCode}.${fileCode}`;

// ---- When a closed file is due at the archive --------------------------------------------------------------------

/**
 * Months after the file is closed within which it is handed to the agency's archive. Default 12: "trong thời
 * hạn 01 năm, kể từ ngày công việc kết thúc" (Law on Archives 2011 Art. 11(2)(a); Decree 30/2020 Art. 29
 * [RECALL]); a setting (workfile.archiveDueMonths) for agencies whose rules set another period.
 */
export const DEFAULT_ARCHIVE_DUE_MONTHS = 12;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The last day to hand the file to the archive: the day it was closed (a local date, YYYY-MM-DD) plus
 * `months` calendar months, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb).
 */
export const computeArchiveDueOn = (closedOn: string, months: number): string => {
  const [y, m, d] = closedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
};

/** Whether a closed file is past its archiving due day. */
export const isArchiveOverdue = (status: WorkFileStatus, dueOn: string | null, today: string): boolean =>
  status === 'closed' && dueOn !== null && today > dueOn;

// ---- Retention and the file list ----------------------------------------------------------------------------------

/** Retention as printed: "Vĩnh viễn" (null) or "10 năm". */
export const formatRetention = (years: number | null): string => (years === null ? 'Vĩnh viễn' : `${years} năm`);

/** Reads a retention cell: a number of years (1–100, "10", "10 năm") or permanent ("Vĩnh viễn", "VV"). */
export const parseRetention = (text: string): { ok: true; years: number | null } | { ok: false } => {
  const folded = foldVietnamese(text).trim().replace(/\s+/g, ' ');
  if (folded === 'vinh vien' || folded === 'vv' || folded === 'permanent') {
    return { ok: true, years: null };
  }
  const match = /^(\d{1,3})( nam| years?)?$/.exec(folded);
  const years = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(years) && years >= 1 && years <= 100 ? { ok: true, years } : { ok: false };
};

export type FileListRowInput = { rowNo: number; code: string; title: string; retention: string; unit: string };
export type FileListRow = { code: string; title: string; retentionYears: number | null; unit: string | null };
export type FileListRowError = { rowNo: number; field: 'code' | 'title' | 'retention' | 'unit'; problem: Label };

const CODE_PATTERN = /^[0-9A-Za-zĐđ][0-9A-Za-zĐđ.\-/_]{0,39}$/;

/**
 * Validates a year's file list read from a spreadsheet: every row or none (the caller writes nothing when
 * an error is answered), each error with its row number as the file shows it.
 */
export const validateFileListRows = (
  rows: readonly FileListRowInput[],
  knownUnit: (name: string) => boolean,
): { ok: true; rows: FileListRow[] } | { ok: false; errors: FileListRowError[] } => {
  const errors: FileListRowError[] = [];
  const seen = new Map<string, number>();
  const out: FileListRow[] = [];
  for (const row of rows) {
    const code = row.code.trim();
    const title = row.title.trim().replace(/\s+/g, ' ');
    if (!CODE_PATTERN.test(code)) {
      errors.push({
        rowNo: row.rowNo,
        field: 'code',
        problem: { vi: 'Số và ký hiệu hồ sơ trống hoặc không hợp lệ', en: 'The file code is empty or not valid' },
      });
    } else if (seen.has(code.toUpperCase())) {
      errors.push({
        rowNo: row.rowNo,
        field: 'code',
        problem: {
          vi: `Trùng số và ký hiệu với dòng ${seen.get(code.toUpperCase())}`,
          en: `Same code as row ${seen.get(code.toUpperCase())}`,
        },
      });
    } else {
      seen.set(code.toUpperCase(), row.rowNo);
    }
    if (title.length === 0 || title.length > 500) {
      errors.push({
        rowNo: row.rowNo,
        field: 'title',
        problem: {
          vi: 'Tiêu đề hồ sơ trống hoặc quá 500 ký tự',
          en: 'The title is empty or longer than 500 characters',
        },
      });
    }
    const retention = parseRetention(row.retention);
    if (!retention.ok) {
      errors.push({
        rowNo: row.rowNo,
        field: 'retention',
        problem: {
          vi: 'Thời hạn bảo quản phải là số năm (1–100) hoặc "Vĩnh viễn"',
          en: 'Retention must be a number of years (1–100) or "Vĩnh viễn" (permanent)',
        },
      });
    }
    const unit = row.unit.trim();
    if (unit && !knownUnit(unit)) {
      errors.push({
        rowNo: row.rowNo,
        field: 'unit',
        problem: { vi: 'Không có đơn vị này trong cơ quan', en: 'No such unit in the agency' },
      });
    }
    if (retention.ok) {
      out.push({ code, title, retentionYears: retention.years, unit: unit || null });
    }
  }
  if (rows.length === 0) {
    errors.push({ rowNo: 1, field: 'code', problem: { vi: 'Tệp không có dòng nào', en: 'The file has no rows' } });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: out };
};
