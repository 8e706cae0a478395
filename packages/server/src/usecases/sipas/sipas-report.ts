import {
  countSipasAnswers,
  findSipasQuestionnaire,
  listSipasStratumProgress,
  type SipasCampaignRecord,
} from '@motcua/db';
import {
  AGENCY_KINDS,
  type AnswerCount,
  computeMarginOfError,
  computeSatisfactionIndex,
  type IndexSettings,
  QuestionnaireDefinition,
  type SatisfactionIndex,
  sumAnswerCounts,
} from '@motcua/domain';
import type { AppContext } from '../../context.js';

/** One unit's figures: sample, responses by channel, the index (numerator and base kept) and its margin. */
export type SipasUnitFigures = {
  population: number;
  sampleSize: number;
  responses: number;
  online: number;
  paper: number;
  phone: number;
  /** responses / sample size, % (two decimals). */
  responseRate: number | null;
  index: SatisfactionIndex;
  /** 95 % margin of error of the overall index, percentage points (finite population correction). */
  marginOfError: number | null;
};

export type SipasReport = {
  questionnaire: { id: string; version: number; title: string; definition: QuestionnaireDefinition };
  agencies: (SipasUnitFigures & { agencyId: string; agencyName: string; level: string; levelName: string })[];
  levels: (SipasUnitFigures & { level: string; levelName: string; agencies: number })[];
  province: SipasUnitFigures;
  /** true once published: the figures are those of the publication and never move. */
  frozen: boolean;
};

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

const figuresOf = (
  definition: QuestionnaireDefinition,
  settings: IndexSettings,
  units: readonly { population: number; sampleSize: number; online: number; paper: number; phone: number }[],
  counts: readonly AnswerCount[],
): SipasUnitFigures => {
  const sum = (pick: (u: (typeof units)[number]) => number) => units.reduce((total, u) => total + pick(u), 0);
  const population = sum((u) => u.population);
  const sampleSize = sum((u) => u.sampleSize);
  const online = sum((u) => u.online);
  const paper = sum((u) => u.paper);
  const phone = sum((u) => u.phone);
  const responses = online + paper + phone;
  const index = computeSatisfactionIndex(definition, counts, settings);
  return {
    population,
    sampleSize,
    responses,
    online,
    paper,
    phone,
    responseRate: rate(responses, sampleSize),
    index,
    marginOfError: computeMarginOfError(index.percent, responses, population),
  };
};

/**
 * The campaign's figures per agency, per level (agency kind) and for the province, computed from the
 * stored answer counts; a published campaign answers its frozen publication instead.
 */
export const buildSipasReport = async (ctx: AppContext, campaign: SipasCampaignRecord): Promise<SipasReport> => {
  if (campaign.status === 'published' && campaign.publishedResult) {
    return campaign.publishedResult as unknown as SipasReport;
  }
  const questionnaire = await findSipasQuestionnaire(ctx.db, campaign.questionnaireId);
  if (!questionnaire) {
    throw new Error(`questionnaire ${campaign.questionnaireId} of campaign ${campaign.id} is missing`);
  }
  const definition = QuestionnaireDefinition.parse(questionnaire.definition);
  const settings = campaign.indexSettings;
  const [progress, answerRows] = await Promise.all([
    listSipasStratumProgress(ctx.db, campaign.id),
    countSipasAnswers(ctx.db, campaign.id),
  ]);
  const countsOf = new Map<string, AnswerCount[]>();
  for (const row of answerRows) {
    if (row.value !== 'no_answer' && ![1, 2, 3, 4, 5].includes(row.value)) {
      continue;
    }
    const list = countsOf.get(row.agencyId) ?? [];
    list.push({ questionKey: row.questionKey, value: row.value as AnswerCount['value'], count: row.count });
    countsOf.set(row.agencyId, list);
  }
  const nameOfLevel = (kind: string) => (AGENCY_KINDS as Record<string, { vi: string } | undefined>)[kind]?.vi ?? kind;
  const agencies = progress.map((p) => ({
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    level: p.agencyLevel,
    levelName: nameOfLevel(p.agencyLevel),
    ...figuresOf(definition, settings, [p], countsOf.get(p.agencyId) ?? []),
  }));
  const byLevel = new Map<string, typeof progress>();
  for (const p of progress) {
    byLevel.set(p.agencyLevel, [...(byLevel.get(p.agencyLevel) ?? []), p]);
  }
  const levels = [...byLevel.entries()].map(([level, units]) => ({
    level,
    levelName: nameOfLevel(level),
    agencies: units.length,
    ...figuresOf(definition, settings, units, sumAnswerCounts(units.map((u) => countsOf.get(u.agencyId) ?? []))),
  }));
  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title, definition },
    agencies,
    levels,
    province: figuresOf(definition, settings, progress, sumAnswerCounts([...countsOf.values()])),
    frozen: false,
  };
};
