import { foldVietnamese, normalizeVietnamese } from '../text/fold.js';
import { type CatalogIssue, createIssue } from './catalog-issue.js';
import { clipText } from './clip-text.js';
import { hashString53 } from './content-hash.js';
import type { Component, ComponentAlternativeGroup, ComponentGroup } from './procedure.js';

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

/**
 * A heading that lists alternatives: "…gồm một trong các giấy tờ sau", "…một trong những giấy tờ",
 * also when the scrape cut it short ("…gồm một tro…").
 */
const ONE_OF_HEADING = /\bmot trong\b/u;
const ONE_OF_CUT_SHORT = /\bmot(?: t(?:r(?:o(?:n)?)?)?)?$/u;

export const isOneOfHeading = (heading: string): boolean => {
  const folded = foldVietnamese(heading);
  return ONE_OF_HEADING.test(folded) || (heading.trimEnd().endsWith('…') && ONE_OF_CUT_SHORT.test(folded));
};

/** Vietnamese list letters in order: a) b) c) d) đ) e) g) h) i) k)… */
const LIST_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };

const readRoman = (numeral: string): number => {
  let sum = 0;
  for (let index = 0; index < numeral.length; index++) {
    const value = ROMAN[numeral[index] ?? ''] ?? 0;
    const next = ROMAN[numeral[index + 1] ?? ''] ?? 0;
    sum += value < next ? -value : value;
  }
  return sum;
};

/** The rank of an item's list mark ("b) …" → 1, "(iii) …" → 3), or undefined when it has none. */
const readListRank = (name: string): number | undefined => {
  const lower = name.toLowerCase();
  const roman = /^\s*\(([ivx]+)\)/u.exec(lower);
  if (roman?.[1] !== undefined) {
    return readRoman(roman[1]);
  }
  const match = /^\s*\(?([a-zđ])\s*[.)]/u.exec(lower);
  const rank = match?.[1] === undefined ? -1 : LIST_LETTERS.indexOf(match[1]);
  return rank < 0 ? undefined : rank;
};

/** The number a section heading opens with ("3. Giấy tờ…" → 3). */
const readSectionNumber = (section: string): number | undefined => {
  const match = /^\s*(\d{1,3})\s*[.)]/u.exec(section);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/**
 * An instruction that introduces numbered cases of which the applicant proves one: "Giấy tờ
 * chứng minh người thuộc diện trợ giúp pháp lý, cụ thể:" followed by "1. Giấy tờ chứng minh là
 * người có công…", "2. …" (Law on Legal Aid 2017 Art. 7; Circular 08/2017/TT-BTP Art. 3).
 */
const CASES_INTRO = /^giay to(?: tai lieu)? chung minh\b.*\bcu the$/u;

interface AlternativeSet {
  readonly key: string;
  readonly label: string;
  readonly members: { readonly index: number; readonly sectionRank: number; readonly rank: number }[];
}

/**
 * Gathers the options of each "one of" requirement, ordered as the text lists them (numbered
 * case, then a, b, c; unmarked items after, in source order), and gives each its group. Two
 * shapes: a heading that says "gồm một trong các giấy tờ sau" (its items are the options), and an
 * instruction "Giấy tờ chứng minh …, cụ thể:" over numbered case headings (every paper of every
 * case is an option: one proof of one case suffices). The components array is reordered so a
 * group's options follow each other where its first option stood.
 */
const groupAlternatives = (components: Component[], drafts: readonly Draft[]): Component[] => {
  const intro = drafts.find((draft) => draft.group === 'note' && CASES_INTRO.test(draft.foldedName));
  const sets = new Map<string, AlternativeSet>();
  const taken = new Set(components.map((component) => component.key));
  const setFor = (id: string, label: string): AlternativeSet => {
    let set = sets.get(id);
    if (set === undefined) {
      let key = `oneof-${hashString53(id).slice(0, 10)}`;
      for (let suffix = 2; taken.has(key); suffix++) {
        key = `oneof-${hashString53(id).slice(0, 10)}-${suffix}`;
      }
      taken.add(key);
      set = { key, label: clipText(label, 1000), members: [] };
      sets.set(id, set);
    }
    return set;
  };
  drafts.forEach((draft, index) => {
    if (draft.group !== 'submit' || draft.section === undefined) {
      return;
    }
    const sectionNumber = readSectionNumber(draft.section);
    const rank = readListRank(draft.name) ?? LIST_LETTERS.length;
    if (intro !== undefined && sectionNumber !== undefined) {
      const label = intro.name.replace(/[\s,;:]*cụ thể\s*:?$/iu, '');
      setFor('\u0000cases', label).members.push({ index, sectionRank: sectionNumber, rank });
    } else if (isOneOfHeading(draft.section)) {
      setFor(draft.section, draft.section).members.push({ index, sectionRank: 0, rank });
    }
  });
  if (sets.size === 0) {
    return components;
  }
  const result = [...components];
  const position = components.map((_, index) => ({ anchor: index, order: 0 }));
  for (const set of sets.values()) {
    const sorted = [...set.members].sort(
      (a, b) => a.sectionRank - b.sectionRank || a.rank - b.rank || a.index - b.index,
    );
    const anchor = Math.min(...set.members.map((member) => member.index));
    sorted.forEach((member, order) => {
      const component = result[member.index];
      if (component === undefined) {
        return;
      }
      const alternativeGroup: ComponentAlternativeGroup = { key: set.key, label: set.label, order };
      result[member.index] = { ...component, alternativeGroup };
      position[member.index] = { anchor, order };
    });
  }
  return result
    .map((component, index) => ({ component, place: position[index] ?? { anchor: index, order: 0 } }))
    .sort((a, b) => a.place.anchor - b.place.anchor || a.place.order - b.place.order)
    .map(({ component }) => component);
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
  return { components: groupAlternatives(components, drafts), issues };
};
