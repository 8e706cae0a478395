import { findAgency, listEvaluationSheetsOfPeriod } from '@motcua/db';
import { EVALUATION_BAND_LABELS, EVALUATION_VETO_LABELS, quotaPercentFor } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { buildEvaluationWorkbook } from '../../reports/evaluation-workbook.js';
import { getPeriodFor } from './evaluation-access.js';
import { loadEvaluationSettings } from './evaluation-settings.js';
import { bandReason } from './read-evaluation.js';

const PERIOD_NAMES = { month: 'Tháng', quarter: 'Quý', year: 'Năm' } as const;

export const periodLabelVi = (period: { kind: 'month' | 'quarter' | 'year'; year: number; number: number }) =>
  period.kind === 'year' ? `Năm ${period.year}` : `${PERIOD_NAMES[period.kind]} ${period.number}/${period.year}`;

const collator = new Intl.Collator('vi');

/** The sheets of a period in the order of the form: by unit, then by name. */
const loadRows = async (
  ctx: AppContext,
  actor: Actor,
  periodId: string,
  action: 'evaluation.read' | 'evaluation.manage',
) => {
  const { period } = await getPeriodFor(ctx, actor, periodId, action);
  const agency = await findAgency(ctx.db, period.agencyId);
  const settings = await loadEvaluationSettings(ctx, period.agencyId);
  const percent = quotaPercentFor(period.unitBand, settings);
  const sheets = (await listEvaluationSheetsOfPeriod(ctx.db, period.id)).sort(
    (a, b) =>
      collator.compare(a.unitName ?? '', b.unitName ?? '') ||
      Number(b.isLeader) - Number(a.isLeader) ||
      collator.compare(a.fullName, b.fullName),
  );
  return { period, agency, sheets, percent };
};

/** The Excel of a period's results, in the form agencies file (evaluation.read at the agency). */
export const exportEvaluationWorkbook = async (ctx: AppContext, actor: Actor, periodId: string) => {
  const { period, agency, sheets, percent } = await loadRows(ctx, actor, periodId, 'evaluation.read');
  const buffer = await buildEvaluationWorkbook({
    agencyName: agency?.name ?? '',
    periodLabel: periodLabelVi(period),
    rows: sheets.map((sheet) => ({
      fullName: sheet.fullName,
      position: sheet.title ?? '',
      unit: sheet.unitName ?? '',
      generalPoints: sheet.generalPoints,
      taskPoints: sheet.taskPoints,
      totalPoints: sheet.totalPoints,
      band: sheet.status === 'decided' && sheet.band ? EVALUATION_BAND_LABELS[sheet.band].vi : 'Chưa quyết định',
      note: [
        sheet.veto ? EVALUATION_VETO_LABELS[sheet.veto].vi : null,
        sheet.status === 'decided' ? bandReason(sheet, percent)?.vi : null,
      ]
        .filter(Boolean)
        .join('; '),
    })),
  });
  const name = `danh-gia-${period.kind}-${period.year}${period.kind === 'year' ? '' : `-${period.number}`}`;
  return { buffer, name };
};

/**
 * The decided results of a period for the national database of officials (CSDL cán bộ, công chức, viên chức;
 * ND 233/2026 Art. 18(1)(b): synchronised within 5 days of the result). The national schema was not in the
 * sources read [INF]: the fields are documented in docs/evaluation.md.
 */
export const CSDL_FIELDS = [
  'maCoQuan',
  'tenCoQuan',
  'maCanBo',
  'hoTen',
  'chucVu',
  'donVi',
  'kyDanhGia',
  'nam',
  'so',
  'tuNgay',
  'denNgay',
  'diemTieuChiChung',
  'diemKetQuaNhiemVu',
  'tongDiem',
  'xepLoai',
  'maXepLoai',
  'truongHopKhongHoanThanh',
  'ngayQuyetDinh',
] as const;

const BAND_CODES = { excellent: 'HTXSNV', good: 'HTTNV', complete: 'HTNV', incomplete: 'KHTNV' } as const;

export const exportEvaluationCsdl = async (ctx: AppContext, actor: Actor, periodId: string) => {
  const { period, agency, sheets } = await loadRows(ctx, actor, periodId, 'evaluation.manage');
  const records = sheets
    .filter((sheet) => sheet.status === 'decided' && sheet.band)
    .map((sheet) => ({
      maCoQuan: agency?.code ?? '',
      tenCoQuan: agency?.name ?? '',
      maCanBo: sheet.username,
      hoTen: sheet.fullName,
      chucVu: sheet.title ?? '',
      donVi: sheet.unitName ?? '',
      kyDanhGia: (period.kind === 'month' ? 'THANG' : period.kind === 'quarter' ? 'QUY' : 'NAM') as
        | 'THANG'
        | 'QUY'
        | 'NAM',
      nam: period.year,
      so: period.number,
      tuNgay: String(period.startsOn),
      denNgay: String(period.endsOn),
      diemTieuChiChung: (sheet.generalPoints ?? 0) / 100,
      diemKetQuaNhiemVu: (sheet.taskPoints ?? 0) / 100,
      tongDiem: (sheet.totalPoints ?? 0) / 100,
      xepLoai: sheet.band ? EVALUATION_BAND_LABELS[sheet.band].vi : '',
      maXepLoai: sheet.band ? BAND_CODES[sheet.band] : '',
      truongHopKhongHoanThanh: sheet.veto ?? '',
      ngayQuyetDinh: sheet.decidedAt ? sheet.decidedAt.toISOString().slice(0, 10) : '',
    }));
  return { period, records };
};

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV (UTF-8 with BOM, comma-separated, RFC 4180 quoting) of the same records. */
export const toCsdlCsv = (records: readonly Record<(typeof CSDL_FIELDS)[number], string | number>[]) =>
  `\uFEFF${[CSDL_FIELDS.join(','), ...records.map((r) => CSDL_FIELDS.map((f) => csvCell(r[f])).join(','))].join('\r\n')}\r\n`;
