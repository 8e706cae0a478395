import type { ProcedureListing, ProcedureSummary } from '@motcua/db';
import {
  buildProcedureSearchText,
  type ChannelRule,
  expandSearchQuery,
  foldVietnamese,
  type OnlineLevel,
  type ProcedureVersionContent,
  WORKING_HOURS_PER_DAY,
} from '@motcua/domain';

/**
 * What the catalog stores next to each procedure for listing and search, derived from the content
 * of its current version. Pure; the same content always gives the same listing.
 */

/**
 * Vietnamese spells a final "i" after a consonant either "i" or "y": kí/ký, lí/lý, sĩ/sỹ, qui/quy
 * (both forms are in use; the 1984 spelling rules of the Ministry of Education prefer "i" but
 * official texts keep "y"). "dang ki khai sinh" must find "Đăng ký khai sinh", so the search key
 * writes every such syllable with "i", in the stored text and in the query alike. Vowel clusters
 * ending in "y" (tuy, huy, may) are different syllables and are left alone.
 */
const FINAL_Y = /^(ngh|ch|gh|kh|ng|nh|ph|th|tr|qu|[bcdghklmnpqrstvx])y$/;

export const toSearchKey = (folded: string): string =>
  folded
    .split(' ')
    .map((word) => word.replace(FINAL_Y, '$1i'))
    .join(' ');

/** Most names start with "Thủ tục" (procedure): ranking on the rest puts "Đăng ký khai sinh" first. */
const LEADING_THU_TUC = /^thu tuc /;

export const buildNameKey = (name: string): string => toSearchKey(foldVietnamese(name).replace(LEADING_THU_TUC, ''));

/** The query as the catalog search needs it: the phrase and its distinct words, spelling-normalised. */
export const buildSearchQuery = (q: string): { phrase: string; tokens: string[] } => {
  const { folded } = expandSearchQuery(q);
  const phrase = toSearchKey(folded);
  return { phrase, tokens: phrase === '' ? [] : [...new Set(phrase.split(' '))] };
};

const durationHours = (rule: ChannelRule): number => {
  const { duration } = rule;
  if (duration === null) {
    return -1;
  }
  switch (duration.unit) {
    case 'working_days':
      return duration.value * WORKING_HOURS_PER_DAY;
    case 'working_hours':
      return duration.value;
    case 'calendar_days':
      // Longer than the same number of working days once weekends are counted; near enough to pick the longest.
      return duration.value * WORKING_HOURS_PER_DAY;
    case 'same_day':
      return 0;
  }
};

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The direct-channel time limit (the longest case) and the fees, for result lists. */
export const summarizeProcedure = (content: ProcedureVersionContent): ProcedureSummary => {
  const direct = content.channels.filter((rule) => rule.channel === 'direct');
  const rules = direct.length > 0 ? direct : content.channels;
  let longest: ChannelRule | undefined;
  for (const rule of rules) {
    if (longest === undefined || durationHours(rule) > durationHours(longest)) {
      longest = rule;
    }
  }
  const fees = rules.flatMap((rule) => rule.fees);
  const amounts = fees.map((fee) => fee.amountVnd).filter((amount): amount is number => amount !== null);
  const firstText = fees.find((fee) => fee.text.trim() !== '')?.text;
  return {
    directDuration: longest?.duration ?? null,
    directDurationText: longest?.durationText ?? null,
    fee: {
      free: fees.every((fee) => fee.amountVnd === 0),
      minVnd: amounts.length > 0 ? Math.min(...amounts) : null,
      maxVnd: amounts.length > 0 ? Math.max(...amounts) : null,
      text: firstText === undefined ? null : clip(firstText, 300),
    },
  };
};

export const describeProcedureListing = (content: ProcedureVersionContent): ProcedureListing => ({
  nationalCode: content.nationalCode,
  name: content.name,
  fieldName: content.field.name,
  fieldCode: content.field.code ?? null,
  fieldKey: foldVietnamese(content.field.name),
  levels: content.levels,
  onlineLevel: content.onlineLevel,
  boundaryFree: content.boundaryFree,
  searchText: toSearchKey(buildProcedureSearchText(content)),
  nameKey: buildNameKey(content.name),
  summary: summarizeProcedure(content),
});

/**
 * Whether a citizen can submit a procedure online: a province's entry (the national catalog is a
 * reference, no one receives dossiers under it) whose version offers an online service.
 */
export const isSubmittableOnline = (catalog: string, onlineLevel: OnlineLevel): boolean =>
  onlineLevel !== 'none' && catalog !== 'national';

/**
 * The code a procedure is filed under in a catalog: the national code in the national catalog, the
 * local code (when there is one) in a province catalog — provinces number their variants of a
 * national procedure per implementing agency ("1.003560.000.00.00.H56").
 */
export const findCatalogCode = (catalog: string, content: ProcedureVersionContent): string | undefined =>
  (catalog === 'national'
    ? (content.nationalCode ?? content.localCode)
    : (content.localCode ?? content.nationalCode)) ?? undefined;
