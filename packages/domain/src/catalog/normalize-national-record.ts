import { foldVietnamese, normalizeVietnamese } from '../text/fold.js';
import { type CatalogIssue, createIssue } from './catalog-issue.js';
import { clipText } from './clip-text.js';
import { normalizeChannels } from './normalize-channels.js';
import { normalizeComponents } from './normalize-components.js';
import {
  type ChannelRule,
  FIELD_CODE_PATTERN,
  type LegalBasis,
  LOCAL_CODE_PATTERN,
  NATIONAL_CODE_PATTERN,
  type OnlineLevel,
  type ProcedureLevel,
  ProcedureVersionContent,
  SourceUrl,
} from './procedure.js';

/**
 * Normaliser for one record of the National TTHC database scrape (`tthc-catalog.json`).
 *
 * Pure and deterministic: the same input always gives byte-identical output, so importing a
 * catalog twice changes nothing (compare `hashProcedureContent` of the result with the stored
 * version). Nothing is dropped silently: every repair and assumption is returned as a
 * `CatalogIssue`, and only records that cannot be a procedure are rejected.
 */

/**
 * `ok`: nothing but `info` notes (documented normalisation, e.g. the online-level assumption);
 * `repaired`: at least one `warning` — something was repaired, assumed or is missing, and a
 * province admin should review it before publishing; `rejected`: the record cannot be a
 * procedure (`reasons` are `error`s).
 */
export type NormalizeResult =
  | { status: 'ok' | 'repaired'; content: ProcedureVersionContent; repairs: CatalogIssue[] }
  | { status: 'rejected'; reasons: CatalogIssue[]; code?: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A trimmed, NFC, single-spaced string, or undefined when absent or blank. */
const readText = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = normalizeVietnamese(value);
  return text === '' ? undefined : clipText(text, max);
};

const readTextList = (value: unknown, field: string, max: number, issues: CatalogIssue[]): string[] => {
  if (value === undefined || value === null) {
    return [];
  }
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (items === undefined) {
    issues.push(createIssue('VALUE_TYPE_INVALID', field, { expected: 'array' }));
    return [];
  }
  return items.map((item) => readText(item, max)).filter((item): item is string => item !== undefined);
};

// --- code ------------------------------------------------------------------------------------------

interface CodeResult {
  readonly nationalCode: string | null;
  readonly localCode?: string;
  readonly raw?: string;
  readonly malformed: boolean;
}

/** "1.003560.000.00.00.H56": a national code followed by the agency that carries it out. */
const AGENCY_SUFFIXED_CODE = /^(\d\.\d{6})\.[0-9A-Za-z.]+$/u;

/**
 * Reads the national code. All 2,642 scraped codes are "N.NNNNNN"; we also repair forms other
 * sources produce: a number (1.00119 loses its trailing zero in JSON), spaces, a decimal comma,
 * and the agency-suffixed local form (kept as `localCode`).
 */
const readCode = (value: unknown, issues: CatalogIssue[]): CodeResult => {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { nationalCode: null, malformed: false };
  }
  let raw: string;
  let candidate: string;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 10) {
    raw = String(value);
    candidate = value.toFixed(6);
  } else if (typeof value === 'string') {
    raw = value;
    candidate = value
      .normalize('NFKC')
      .replace(/\s+/gu, '')
      .replace(/^(\d),(\d{6})$/u, '$1.$2');
  } else {
    return { nationalCode: null, raw: String(value), malformed: true };
  }
  if (NATIONAL_CODE_PATTERN.test(candidate)) {
    if (candidate !== raw) {
      issues.push(createIssue('CODE_REPAIRED', 'code', { from: raw, to: candidate }));
    }
    return { nationalCode: candidate, raw: candidate, malformed: false };
  }
  const suffixed = AGENCY_SUFFIXED_CODE.exec(candidate);
  if (suffixed?.[1] !== undefined && LOCAL_CODE_PATTERN.test(candidate)) {
    issues.push(createIssue('CODE_REPAIRED', 'code', { from: raw, to: suffixed[1] }));
    return { nationalCode: suffixed[1], localCode: candidate, raw: suffixed[1], malformed: false };
  }
  return { nationalCode: null, raw, malformed: true };
};

// --- levels ----------------------------------------------------------------------------------------

type SourceLevel = ProcedureLevel | 'district' | 'other';

const LEVELS: ReadonlyMap<string, SourceLevel> = new Map([
  ['cap bo', 'ministry'],
  ['cap trung uong', 'ministry'],
  ['trung uong', 'ministry'],
  ['cap tinh', 'province'],
  ['cap xa', 'commune'],
  ['cap huyen', 'district'],
  ['co quan khac', 'other'],
]);

const LEVEL_ORDER: readonly ProcedureLevel[] = ['ministry', 'province', 'commune'];

const readLevels = (value: unknown, issues: CatalogIssue[]): ProcedureLevel[] => {
  const items =
    typeof value === 'string'
      ? value.split(/[,;]/u).map((item, index) => ({ item, field: `levels[${index}]` }))
      : Array.isArray(value)
        ? value.map((item, index) => ({ item, field: `levels[${index}]` }))
        : [];
  if (value !== undefined && value !== null && typeof value !== 'string' && !Array.isArray(value)) {
    issues.push(createIssue('VALUE_TYPE_INVALID', 'levels', { expected: 'array' }));
  }
  const found = new Set<ProcedureLevel>();
  for (const { item, field } of items) {
    const text = typeof item === 'string' ? normalizeVietnamese(item) : '';
    if (text === '') {
      continue;
    }
    const level = LEVELS.get(foldVietnamese(text));
    if (level === 'district') {
      // Since 1 July 2025 there is no district level (Law on Local Government 2025; Decree
      // 118/2025/NĐ-CP); most district competences moved to the communes.
      issues.push(createIssue('LEVEL_DISTRICT_REMAPPED', field));
      found.add('commune');
    } else if (level === 'other') {
      issues.push(createIssue('LEVEL_OTHER_AGENCY_DROPPED', field));
    } else if (level === undefined) {
      issues.push(createIssue('LEVEL_UNKNOWN_DROPPED', field, { value: text }));
    } else {
      found.add(level);
    }
  }
  if (found.size === 0) {
    issues.push(createIssue('LEVELS_MISSING', 'levels'));
  }
  return LEVEL_ORDER.filter((level) => found.has(level));
};

// --- other fields ----------------------------------------------------------------------------------

const countOf = (text: string, ch: string): number => text.split(ch).length - 1;

/**
 * The scrape split applicant lists on every comma, also inside parentheses and lists:
 * ["Tổ chức (không bao gồm doanh nghiệp", "HTX)"] and ["Cán bộ", "công chức", "viên chức"].
 * A fragment continues the previous one while a parenthesis is open or when it starts lower-case.
 */
const rejoinApplicants = (items: readonly string[]): string[] => {
  const joined: string[] = [];
  for (const item of items) {
    const last = joined.at(-1);
    if (last !== undefined && (countOf(last, '(') > countOf(last, ')') || /^\p{Ll}/u.test(item))) {
      joined[joined.length - 1] = clipText(`${last}, ${item}`, 500);
    } else {
      joined.push(item);
    }
  }
  return [...new Set(joined)];
};

/**
 * Result types: the scrape glues "name", "Mã: KQ.G15.000031" (result code), the next name, and
 * a trailing "Từ khóa … Mô tả …" block: "Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tin…".
 */
const readResultTypes = (value: unknown): string[] => {
  if (typeof value !== 'string') {
    return [];
  }
  let text = value.normalize('NFC');
  const keywords = text.search(/Từ khóa/u);
  if (keywords >= 0) {
    text = text.slice(0, keywords);
  }
  const names = text
    .split(/Mã:\s*(?:[A-Za-z0-9._\-/+]*\d)?/u)
    .map((name) => normalizeVietnamese(name).replace(/[\s.;,]+$/u, ''))
    .filter((name) => foldVietnamese(name) !== '')
    .map((name) => clipText(name, 2000));
  return [...new Set(names)];
};

/** "45/2019/TT-BTPBAN" → "45/2019/TT-BTP": the first word of the title ("BAN HÀNH", "QUY ĐỊNH") glued on. */
const GLUED_TITLE_WORD = /^(\d+\/\d{4}\/[\p{Lu}\p{N}]+(?:-[\p{Lu}\p{N}]+)+?)(QUY|BAN)$/u;

const readLegalBasis = (value: unknown, issues: CatalogIssue[]): LegalBasis[] => {
  const numbers = readTextList(value, 'legal_basis', 200, issues);
  const seen = new Set<string>();
  const result: LegalBasis[] = [];
  numbers.forEach((raw, index) => {
    let number = raw;
    const glued = GLUED_TITLE_WORD.exec(raw);
    if (glued?.[1] !== undefined) {
      number = glued[1];
      issues.push(createIssue('LEGAL_BASIS_SUFFIX_STRIPPED', `legal_basis[${index}]`, { from: raw, to: number }));
    }
    if (seen.has(number)) {
      issues.push(createIssue('LEGAL_BASIS_DUPLICATE_MERGED', `legal_basis[${index}]`, { value: number }));
      return;
    }
    seen.add(number);
    result.push({ number });
  });
  return result;
};

/**
 * The national data does not say whether an online service is toàn trình or một phần
 * (Decree 42/2022/NĐ-CP). A published online channel means the dossier can be submitted and
 * handled online, so we assume `full` and say so; admins downgrade to `partial` where the result
 * or an original must still be handled in person. Without an online channel the level is `none`.
 */
const inferOnlineLevel = (channels: readonly ChannelRule[], issues: CatalogIssue[]): OnlineLevel => {
  if (channels.some((rule) => rule.channel === 'online')) {
    issues.push(createIssue('ONLINE_LEVEL_ASSUMED_FULL', 'channels'));
    return 'full';
  }
  return 'none';
};

const describeZodIssue = (issue: { path: PropertyKey[]; message: string }): string =>
  `${issue.path.map(String).join('.')}: ${issue.message}`;

export const normalizeNationalRecord = (raw: unknown): NormalizeResult => {
  if (!isObject(raw)) {
    return { status: 'rejected', reasons: [createIssue('RECORD_NOT_OBJECT', '')] };
  }
  const issues: CatalogIssue[] = [];
  const code = readCode(raw.code, issues);
  const name = readText(raw.name, 2000);
  const codeForResult = code.raw === undefined ? {} : { code: code.raw };

  if (code.nationalCode === null && !code.malformed && name === undefined) {
    return { status: 'rejected', reasons: [createIssue('MISSING_CODE_AND_NAME', 'code')] };
  }
  if (code.malformed || name === undefined) {
    const reasons: CatalogIssue[] = [];
    if (code.malformed) {
      reasons.push(createIssue('CODE_MALFORMED', 'code', { value: code.raw ?? '' }));
    }
    if (name === undefined) {
      reasons.push(createIssue('MISSING_NAME', 'name'));
    }
    return { status: 'rejected', reasons, ...codeForResult };
  }
  if (code.nationalCode === null) {
    issues.push(createIssue('MISSING_CODE', 'code'));
  }

  let fieldName = readText(raw.field, 500);
  if (fieldName === undefined) {
    issues.push(createIssue('FIELD_MISSING', 'field'));
    fieldName = 'Chưa phân loại';
  }
  const fieldCode = readText(raw.field_code, 20);
  const levels = readLevels(raw.levels, issues);
  const applicantTypes = rejoinApplicants(readTextList(raw.applicants, 'applicants', 500, issues));
  const components = normalizeComponents(raw.documents);
  issues.push(...components.issues);
  const channels = normalizeChannels(raw.channels, raw.fee_notes);
  issues.push(...channels.issues);
  const onlineLevel = inferOnlineLevel(channels.channels, issues);
  const legalBasis = readLegalBasis(raw.legal_basis, issues);

  const decision = readText(raw.decision, 200);
  const procedureType = readText(raw.procedure_type, 500);
  const competentAgency = readText(raw.competent_agency, 1000);
  const implementingAgency = readText(raw.implementing_agency, 1000);
  const conditions = readText(raw.conditions, 10_000);
  let sourceUrl = readText(raw.source_url, 2000);
  if (sourceUrl !== undefined && !SourceUrl.safeParse(sourceUrl).success) {
    issues.push(createIssue('SOURCE_URL_INVALID', 'source_url', { value: sourceUrl }));
    sourceUrl = undefined;
  }

  const content: ProcedureVersionContent = {
    nationalCode: code.nationalCode,
    ...(code.localCode === undefined ? {} : { localCode: code.localCode }),
    name,
    field: {
      name: fieldName,
      ...(fieldCode !== undefined && FIELD_CODE_PATTERN.test(fieldCode) ? { code: fieldCode } : {}),
    },
    levels,
    ...(decision === undefined ? {} : { decision }),
    ...(procedureType === undefined ? {} : { procedureType }),
    applicantTypes,
    ...(competentAgency === undefined ? {} : { competentAgency }),
    ...(implementingAgency === undefined ? {} : { implementingAgency }),
    components: components.components,
    channels: channels.channels,
    onlineLevel,
    // Not in the national data. Boundary-free receipt within the province (Decree 118/2025/NĐ-CP)
    // is decided by each province, so imports start with it off.
    boundaryFree: false,
    resultTypes: readResultTypes(raw.result),
    legalBasis,
    ...(conditions === undefined ? {} : { conditions }),
    processSteps: [],
    // National limits run "kể từ ngày nhận đủ hồ sơ hợp lệ" (from receipt of a complete, valid
    // dossier), so after a supplement the clock starts again on the complete dossier.
    clockOnSupplement: 'restart',
    autoAccept: false,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
  };

  // Safety net: the builders above only produce valid content; if that ever fails, reject the
  // record with the reason instead of storing something the rest of the system cannot read.
  const parsed = ProcedureVersionContent.safeParse(content);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map(describeZodIssue).join('; ');
    return { status: 'rejected', reasons: [createIssue('CONTENT_INVALID', '', { detail })], ...codeForResult };
  }
  const status = issues.some((issue) => issue.severity !== 'info') ? 'repaired' : 'ok';
  return { status, content, repairs: issues };
};
