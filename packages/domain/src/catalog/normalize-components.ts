import { foldVietnamese, normalizeVietnamese } from '../text/fold.js';
import { type CatalogIssue, createIssue } from './catalog-issue.js';
import { clipText } from './clip-text.js';
import { hashString53 } from './content-hash.js';
import type { Component, ComponentGroup } from './procedure.js';

/**
 * Dossier components (thành phần hồ sơ) from the scraped `documents[]`.
 *
 * The scrape (15,126 rows) has a heading in `group` only when the source page had one: 7,032
 * rows have none, a few hundred carry the civil-status headings "Giấy tờ phải nộp", "Giấy tờ
 * phải xuất trình" and "Lưu ý", and about 1,450 distinct headings name the case a component
 * belongs to ("Trường hợp ủy quyền thực hiện thủ tục"). Names are cut at 200 characters (5,267
 * end in "…"), 152 are empty or punctuation, 345 repeat within their heading, and 139 counts
 * swallowed the digits that ended the name ("…ngày 01/01/" + "2026" + "1 bản chính" → 20261).
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Strips list numbering: "1.3.1.2. ", "(1) ", "a) ", "I. ". */
const stripNumbering = (text: string): string => {
  let result = text.trim();
  for (let round = 0; round < 3; round++) {
    result = result.replace(/^[\s(]*(?:\d+(?:\.\d+)*|[IVX]+|[a-zđ])[.)]\s*/u, '').trim();
  }
  return result;
};

/**
 * Needed only in some cases: the text opens with a condition ("Trường hợp…", "Nếu…", "Đối
 * với…") or carries one ("trong trường hợp…", "(nếu có)"). A bare "trường hợp" inside the text
 * usually offers an alternative to a required paper ("Giấy chứng sinh; trường hợp không có…").
 */
const isConditionalFolded = (folded: string): boolean =>
  /^(?:truong hop|trong truong hop|neu|doi voi)\b/u.test(folded) || /\b(?:trong truong hop|neu co)\b/u.test(folded);

const PRESENT_HEADINGS = ['giay to phai xuat trinh', 'cac giay to phai xuat trinh', 'giay to xuat trinh', 'xuat trinh'];
const NOTE_HEADINGS = ['luu y', 'ghi chu', 'chu y'];
const PLAIN_SUBMIT_HEADINGS = new Set([
  'giay to phai nop',
  'cac giay to phai nop',
  'thanh phan ho so',
  'thanh phan ho so bao gom',
  'thanh phan ho so gom',
  'ho so gom',
  'ho so bao gom',
]);

/**
 * Maps a source heading to a group: the civil-status headings become `present` / `note`;
 * every other heading is a case or sub-list of the components to submit, kept as `section`.
 */
export interface HeadingClass {
  readonly group: ComponentGroup;
  readonly section?: string;
  /** The section names a case ("Trường hợp ủy quyền…"), so its components are not always needed. */
  readonly conditional?: boolean;
}

export const classifyComponentHeading = (heading: string | undefined): HeadingClass => {
  if (heading === undefined) {
    return { group: 'submit' };
  }
  const folded = foldVietnamese(stripNumbering(heading));
  if (folded === '') {
    return { group: 'submit' };
  }
  if (PRESENT_HEADINGS.some((prefix) => folded.startsWith(prefix))) {
    return { group: 'present' };
  }
  if (NOTE_HEADINGS.some((prefix) => folded === prefix || folded.startsWith(`${prefix} `))) {
    return { group: 'note' };
  }
  if (
    PLAIN_SUBMIT_HEADINGS.has(folded) ||
    folded.startsWith('giay to phai nop ') ||
    folded.startsWith('cac giay to phai nop ')
  ) {
    return { group: 'submit' };
  }
  const section = normalizeVietnamese(heading);
  return { group: 'submit', section, conditional: isConditionalFolded(foldVietnamese(section)) };
};

/** Rows with no copies that are instructions or list headings, not documents. */
const isInstruction = (name: string, folded: string): boolean =>
  name.endsWith(':') ||
  /^(?:truong hop|trong truong hop|neu|luu y|ghi chu|doi voi|nguoi tiep nhan|so luong ho so)\b/u.test(folded);

const DATABASE_MENTION =
  /\b(?:co so du lieu|csdl|he thong (?:dien|tu dong) dien|dien tu dong|vneid|so dinh danh ca nhan|ma so dinh danh|khai thac duoc (?:thong tin|du lieu)|du lieu dien tu co ky so)\b/u;
const NOT_NEEDED = /\b(?:khong phai (?:nop|tai len|xuat trinh|cung cap|gui|chung thuc)|chi can cung cap|mien nop)\b/u;
const ONLY_IF_DATA_UNAVAILABLE =
  /\b(?:khong the khai thac|khong khai thac duoc|chua khai thac duoc|chua dua vao van hanh|khong the khai thac duoc)\b/u;

/**
 * True when the text says the information can be taken from a national database so the paper
 * is not needed (Decree 104/2022/NĐ-CP; Decision 06/QĐ-TTg): "đã có trong Cơ sở dữ liệu quốc
 * gia về dân cư … thì không phải nộp", or the paper is asked for only "trong trường hợp … không
 * thể khai thác được thông tin".
 */
const isReplaceableByDataFolded = (folded: string): boolean =>
  (DATABASE_MENTION.test(folded) && NOT_NEEDED.test(folded)) || ONLY_IF_DATA_UNAVAILABLE.test(folded);

export const isReplaceableByData = (text: string): boolean => isReplaceableByDataFolded(foldVietnamese(text));

/** Conjunctions and verbs left over when the scrape split a sentence: not documents. */
const FRAGMENTS = new Set(['va', 'hoac', 'nop', 'gom', 'bao gom']);

const MAX_NAME = 5000;

const cleanName = (raw: string): string => {
  const name = normalizeVietnamese(raw).replace(/^[\s;,.:)\]]+/u, '');
  return name.endsWith('…') ? name : name.replace(/[\s;,.]+$/u, '');
};

/** "…: 01 bản chụp;" — the count written in the name when the quantity columns are empty. */
const COUNT_IN_NAME = /(\d{1,2})\s*(bản chính|bản sao|bản chụp)(?!\p{L})/giu;

const readCountFromName = (name: string): { originals: number; copies: number; text: string } | undefined => {
  const matches = [...name.matchAll(COUNT_IN_NAME)];
  const match = matches[0];
  if (matches.length !== 1 || match === undefined) {
    return undefined;
  }
  const count = Number(match[1]);
  const original = foldVietnamese(match[2] ?? '') === 'ban chinh';
  return { originals: original ? count : 0, copies: original ? 0 : count, text: match[0] };
};

interface CountResult {
  readonly count: number;
  /** Digits that belong at the end of the name. */
  readonly gluedDigits?: string;
}

/** A count of sets. Counts of 10 or more are the name's last digits glued to a one-digit count. */
const readCount = (value: unknown, field: string, issues: CatalogIssue[]): CountResult => {
  if (value === undefined || value === null) {
    return { count: 0 };
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    issues.push(createIssue('DOCUMENT_COUNT_INVALID', field, { value: String(value) }));
    return { count: 0 };
  }
  if (value < 10) {
    return { count: value };
  }
  return { count: value % 10, gluedDigits: String(Math.floor(value / 10)) };
};

interface Draft {
  readonly index: number;
  name: string;
  /** Folded name and section, computed once (folding dominates the normaliser's run time). */
  readonly foldedName: string;
  readonly sectionConditional: boolean;
  readonly group: ComponentGroup;
  readonly section?: string;
  originals: number;
  copies: number;
  templateName?: string;
  readonly nameTruncated: boolean;
}

export interface ComponentsResult {
  readonly components: Component[];
  readonly issues: CatalogIssue[];
}

const makeKey = (group: ComponentGroup, section: string | undefined, name: string, taken: Set<string>): string => {
  const base = `${group}-${hashString53(`${section ?? ''}\u0000${name}`).slice(0, 10)}`;
  let key = base;
  for (let suffix = 2; taken.has(key); suffix++) {
    key = `${base}-${suffix}`;
  }
  taken.add(key);
  return key;
};

export const normalizeComponents = (documents: unknown, path = 'documents'): ComponentsResult => {
  const issues: CatalogIssue[] = [];
  if (documents === undefined || documents === null) {
    return { components: [], issues: [createIssue('DOCUMENTS_MISSING', path)] };
  }
  if (!Array.isArray(documents)) {
    return {
      components: [],
      issues: [createIssue('VALUE_TYPE_INVALID', path, { expected: 'array' }), createIssue('DOCUMENTS_MISSING', path)],
    };
  }

  const drafts: Draft[] = [];
  const byIdentity = new Map<string, Draft>();
  const headings = new Map<string, HeadingClass>();
  let instructions = 0;

  documents.forEach((document, index) => {
    const field = `${path}[${index}]`;
    if (!isObject(document)) {
      issues.push(createIssue('VALUE_TYPE_INVALID', field, { expected: 'object' }));
      return;
    }
    const rawName = typeof document.name === 'string' ? document.name : '';
    let name = cleanName(rawName);
    let folded = foldVietnamese(name);
    if (folded === '' || FRAGMENTS.has(folded)) {
      issues.push(createIssue('DOCUMENT_EMPTY_DROPPED', `${field}.name`, { value: normalizeVietnamese(rawName) }));
      return;
    }
    const truncatedAtSource = name.endsWith('…');

    const originals = readCount(document.original, `${field}.original`, issues);
    const copies = readCount(document.copy, `${field}.copy`, issues);
    // The quantity marker follows the name: "… 01/01/2026 1 bản chính". Digits glued to the
    // first marker belong to the name; restore them unless the name was cut off anyway.
    let restored = false;
    for (const [count, countField] of [
      [originals, `${field}.original`],
      [copies, `${field}.copy`],
    ] as const) {
      if (count.gluedDigits === undefined) {
        continue;
      }
      issues.push(
        createIssue('DOCUMENT_COUNT_GLUED_DIGITS', countField, {
          value: `${count.gluedDigits}${count.count}`,
          count: count.count,
          digits: count.gluedDigits,
        }),
      );
      if (!restored && !truncatedAtSource) {
        name = /[/-]$/u.test(name) ? `${name}${count.gluedDigits}` : `${name} ${count.gluedDigits}`;
        folded = `${folded} ${count.gluedDigits}`;
      }
      restored = true;
    }
    name = clipText(name, MAX_NAME);
    const nameTruncated = name.endsWith('…');

    let originalCount = originals.count;
    let copyCount = copies.count;
    if (originalCount === 0 && copyCount === 0) {
      const fromName = readCountFromName(name);
      if (fromName !== undefined) {
        originalCount = fromName.originals;
        copyCount = fromName.copies;
        issues.push(createIssue('DOCUMENT_COUNT_FROM_NAME', `${field}.name`, { text: fromName.text }));
      }
    }

    const heading = typeof document.group === 'string' ? clipText(document.group, 1000) : undefined;
    let classified = heading === undefined ? undefined : headings.get(heading);
    if (classified === undefined) {
      classified = classifyComponentHeading(heading);
      if (heading !== undefined) {
        headings.set(heading, classified);
      }
    }
    let { group, section } = classified;
    let sectionConditional = section === undefined ? false : (classified.conditional ?? false);
    if (group !== 'note' && originalCount === 0 && copyCount === 0 && isInstruction(name, folded)) {
      group = 'note';
      section = undefined;
      sectionConditional = false;
      instructions++;
    }

    const template = typeof document.template === 'string' ? clipText(normalizeVietnamese(document.template), 500) : '';
    const identity = `${group}\u0000${section ?? ''}\u0000${name}`;
    const first = byIdentity.get(identity);
    if (first !== undefined) {
      // Same text under the same heading: one component. Keep the larger counts, so nobody is
      // asked for fewer copies than the source demands somewhere.
      const differ = first.originals !== originalCount || first.copies !== copyCount;
      issues.push(
        createIssue(differ ? 'DUPLICATE_DOCUMENT_COUNTS_DIFFER' : 'DUPLICATE_DOCUMENT_MERGED', `${field}.name`, {
          first: `${path}[${first.index}]`,
        }),
      );
      first.originals = Math.max(first.originals, originalCount);
      first.copies = Math.max(first.copies, copyCount);
      if (first.templateName === undefined && template !== '') {
        first.templateName = template;
      }
      return;
    }
    const draft: Draft = {
      index,
      name,
      foldedName: folded,
      sectionConditional,
      group,
      ...(section === undefined ? {} : { section }),
      originals: originalCount,
      copies: copyCount,
      ...(template === '' ? {} : { templateName: template }),
      nameTruncated,
    };
    byIdentity.set(identity, draft);
    drafts.push(draft);
  });

  const truncated = drafts.filter((draft) => draft.nameTruncated).length;
  if (truncated > 0) {
    issues.push(createIssue('DOCUMENT_NAME_TRUNCATED', path, { count: truncated }));
  }
  if (instructions > 0) {
    issues.push(createIssue('DOCUMENT_INSTRUCTION_AS_NOTE', path, { count: instructions }));
  }
  if (drafts.length === 0) {
    issues.push(createIssue('DOCUMENTS_MISSING', path));
  }

  const keys = new Set<string>();
  const components = drafts.map((draft): Component => {
    const required = draft.group !== 'note' && !isConditionalFolded(draft.foldedName) && !draft.sectionConditional;
    return {
      key: makeKey(draft.group, draft.section, draft.name, keys),
      name: draft.name,
      group: draft.group,
      originals: draft.originals,
      copies: draft.copies,
      required,
      ...(draft.templateName === undefined ? {} : { templateName: draft.templateName }),
      replaceableByData: isReplaceableByDataFolded(draft.foldedName),
      ...(draft.section === undefined ? {} : { section: draft.section }),
      ...(draft.nameTruncated ? { nameTruncated: true } : {}),
    };
  });
  return { components, issues };
};
