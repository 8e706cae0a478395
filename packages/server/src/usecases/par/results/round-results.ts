/**
 * Reading a round's results: the published snapshot (everyone, the portal too) or, before publication, the
 * figures computed from the scores so far (the organiser only), each unit with its change against last year.
 */
import {
  countParRoundEvidence,
  type Database,
  findParRound,
  findParRoundOfYear,
  listParResults,
  listParResultUnits,
  listParRoundsOfProvince,
  listUnitParResults,
  type ParAreaPointsJson,
  type ParResultRecord,
  type ParRoundRecord,
} from '@motcua/db';
import {
  compareWithPreviousYear,
  describeRankChange,
  PAR_UNIT_GROUP_LABELS,
  PAR_UNIT_GROUPS,
  type ParUnitGroup,
  type ParYearChange,
  roleAllows,
} from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { PAR_ROUND } from './publish-round.js';
import { computeRoundFigures } from './round-figures.js';

/** More units than any province scores in one round (departments and communes together). */
const MAX_UNITS = 1000;

export type ParResultUnit = {
  agencyId: string;
  unitName: string;
  points: number;
  applicableMax: number;
  indexBp: number | null;
  rank: number;
  band: string | null;
  bonusPoints: number;
  penaltyPoints: number;
  areas: ParAreaPointsJson[];
  previous: { year: number; rank: number; points: number; indexBp: number | null; groupSize: number } | null;
  change: ParYearChange & { rankPlaces: number | null; rankPhrase: { vi: string; en: string } };
};

export type ParResultGroup = {
  unitGroup: ParUnitGroup;
  label: { vi: string; en: string };
  /** The areas of the group's criteria set, in order (the columns of the table and the bars of the chart). */
  areas: { code: string; title: string }[];
  units: ParResultUnit[];
};

export type ParRoundSummary = {
  id: string;
  provinceCode: string;
  year: number;
  title: string;
  stage: ParRoundRecord['stage'];
  decisionNumber: string | null;
  decisionDate: string | null;
  publishedAt: string | null;
  isDemo: boolean;
  version: number;
};

export type ParRoundResults = {
  round: ParRoundSummary;
  /** false: the figures are provisional, computed from the scores so far (seen by the organiser only). */
  published: boolean;
  groups: ParResultGroup[];
};

export const summarizeRound = (round: ParRoundRecord): ParRoundSummary => ({
  id: round.id,
  provinceCode: round.provinceCode,
  year: round.year,
  title: round.title,
  stage: round.stage,
  decisionNumber: round.decisionNumber,
  decisionDate: round.decisionDate,
  publishedAt: round.publishedAt?.toISOString() ?? null,
  isDemo: round.isDemo,
  version: round.rowVersion,
});

type UnitFigure = Omit<ParResultUnit, 'previous' | 'change'> & { unitGroup: ParUnitGroup };

const fromSnapshot = (row: ParResultRecord): UnitFigure => ({
  agencyId: row.agencyId,
  unitName: row.unitName,
  unitGroup: row.unitGroup,
  points: row.points,
  applicableMax: row.applicableMax,
  indexBp: row.indexBp,
  rank: row.rank,
  band: row.band,
  bonusPoints: row.bonusPoints,
  penaltyPoints: row.penaltyPoints,
  areas: row.areaPoints,
});

/** Groups the units, attaching last year's published result of each (same agency, same group). */
const assemble = async (db: Kysely<Database>, round: ParRoundRecord, units: UnitFigure[]) => {
  const previousRound = await findParRoundOfYear(db, { provinceCode: round.provinceCode, year: round.year - 1 });
  const previous =
    previousRound?.stage === 'published'
      ? await listParResults(db, { roundId: previousRound.id, limit: MAX_UNITS })
      : [];
  const groups: ParResultGroup[] = [];
  for (const group of PAR_UNIT_GROUPS) {
    // Ties share a rank and are listed by name, as the published tables do.
    const members = units
      .filter((unit) => unit.unitGroup === group)
      .sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName, 'vi'));
    if (members.length === 0) {
      continue;
    }
    const before = previous.filter((row) => row.unitGroup === group);
    const lastRank = (list: { rank: number }[]) => list.reduce((max, row) => Math.max(max, row.rank), 0);
    const currentLast = lastRank(members);
    const previousLast = lastRank(before);
    groups.push({
      unitGroup: group,
      label: PAR_UNIT_GROUP_LABELS[group],
      areas: (members[0]?.areas ?? []).map((area) => ({ code: area.code, title: area.title })),
      units: members.map(({ unitGroup: _group, ...unit }) => {
        const old = before.find((row) => row.agencyId === unit.agencyId);
        const rankChange = describeRankChange(
          { rank: unit.rank, lastRank: currentLast },
          old ? { rank: old.rank, lastRank: previousLast } : null,
        );
        return {
          ...unit,
          previous: old
            ? {
                year: previousRound?.year ?? round.year - 1,
                rank: old.rank,
                points: old.points,
                indexBp: old.indexBp,
                groupSize: before.length,
              }
            : null,
          change: {
            ...compareWithPreviousYear(unit, old ? { ...old, areas: old.areaPoints } : null),
            rankPlaces: rankChange.places,
            rankPhrase: rankChange.phrase,
          },
        };
      }),
    });
  }
  return groups;
};

/** The published results of a round, for everyone. */
const publishedResults = async (db: Kysely<Database>, round: ParRoundRecord): Promise<ParRoundResults> => ({
  round: summarizeRound(round),
  published: true,
  groups: await assemble(
    db,
    round,
    (await listParResults(db, { roundId: round.id, limit: MAX_UNITS })).map(fromSnapshot),
  ),
});

/**
 * A round's results in the console: the published snapshot for every official of its province; before publication only the
 * organiser of the round's province (par.organise) sees the figures, computed from the scores so far.
 */
export const getParRoundResults = async (ctx: AppContext, actor: Actor, roundId: string): Promise<ParRoundResults> => {
  const round = await findParRound(ctx.db, roundId);
  if (!round) {
    throw notFound(PAR_ROUND);
  }
  if (round.stage === 'published') {
    // Published figures are public on the province's own portal; in the console they are the province's officials'
    // (an official of another province reads them there, issue 22 item 4).
    const official = requireOfficial(actor);
    if (
      official.provinceCode !== round.provinceCode &&
      !official.grants.some((g) => g.provinceCode === round.provinceCode)
    ) {
      throw notFound(PAR_ROUND);
    }
    return publishedResults(ctx.reader, round);
  }
  authorizeProvinceAction(actor, 'par.organise', round.provinceCode);
  const figures = await computeRoundFigures(ctx.db, round.id, { onlyScored: true });
  return {
    round: summarizeRound(round),
    published: false,
    groups: await assemble(
      ctx.db,
      round,
      figures.map((unit) => ({
        agencyId: unit.agencyId,
        unitName: unit.unitName,
        unitGroup: unit.unitGroup,
        points: unit.points,
        applicableMax: unit.applicableMax,
        indexBp: unit.indexBp,
        rank: unit.rank,
        band: unit.band,
        bonusPoints: unit.bonusPoints,
        penaltyPoints: unit.penaltyPoints,
        areas: unit.areas,
      })),
    ),
  };
};

/** The published results of a province's round of a year, for anyone (the portal): 404 until published. */
export const getPublishedParResults = async (
  ctx: AppContext,
  input: { provinceCode: string; year: number },
): Promise<ParRoundResults> => {
  const round = await findParRoundOfYear(ctx.reader, input);
  if (round?.stage !== 'published') {
    throw notFound(PAR_ROUND);
  }
  return publishedResults(ctx.reader, round);
};

/** The published rounds of a province, newest first (keyset on the year). */
export const listPublishedParRounds = async (
  ctx: AppContext,
  input: { provinceCode: string; beforeYear?: number | undefined; limit: number },
): Promise<ParRoundSummary[]> =>
  (
    await listParRoundsOfProvince(ctx.reader, {
      provinceCode: input.provinceCode,
      publishedOnly: true,
      ...(input.beforeYear === undefined ? {} : { beforeYear: input.beforeYear }),
      limit: input.limit,
    })
  ).map(summarizeRound);

/** The province an organiser acts for: the one asked for, else the one they organise (par.organise). */
export const resolveOrganiserProvince = (actor: Actor, province: string | undefined): string => {
  const official = requireOfficial(actor);
  const provinceCode =
    province ??
    official.grants.find((grant) => roleAllows(grant.role, 'par.organise') && grant.provinceCode !== null)
      ?.provinceCode ??
    official.provinceCode;
  if (!provinceCode) {
    throw new AppError('FORBIDDEN');
  }
  authorizeProvinceAction(official, 'par.organise', provinceCode);
  return provinceCode;
};

/** The rounds of the organiser's province, all stages (the dashboard's round picker). */
export const listParRoundsForOrganiser = async (
  ctx: AppContext,
  actor: Actor,
  input: { province?: string | undefined; beforeYear?: number | undefined; limit: number },
): Promise<ParRoundSummary[]> => {
  const provinceCode = resolveOrganiserProvince(actor, input.province);
  return (
    await listParRoundsOfProvince(ctx.db, {
      provinceCode,
      publishedOnly: false,
      ...(input.beforeYear === undefined ? {} : { beforeYear: input.beforeYear }),
      limit: input.limit,
    })
  ).map(summarizeRound);
};

export type ParUnitProfile = {
  agencyId: string;
  unitName: string;
  years: {
    year: number;
    roundId: string;
    unitGroup: ParUnitGroup;
    points: number;
    applicableMax: number;
    indexBp: number;
    rank: number;
    groupSize: number;
    band: string | null;
    areas: ParAreaPointsJson[];
    rankPhrase: { vi: string; en: string };
  }[];
};

/** A unit's published results over the years (newest first), each with its rank move against the year before. */
export const getParUnitProfile = async (
  ctx: AppContext,
  agencyId: string,
  provinceCode?: string | undefined,
): Promise<ParUnitProfile> => {
  // Only the request's province's rounds: another province's unit answers like a unit without results.
  const rows = await listUnitParResults(ctx.reader, { agencyId, provinceCode, limit: 30 });
  const first = rows[0];
  if (!first) {
    throw notFound({ vi: 'kết quả Chỉ số CCHC của đơn vị', en: 'PAR Index results of the unit' });
  }
  return {
    agencyId,
    unitName: first.unitName,
    years: rows.map((row) => {
      const before = rows.find((other) => other.year === row.year - 1 && other.unitGroup === row.unitGroup);
      return {
        year: row.year,
        roundId: row.roundId,
        unitGroup: row.unitGroup,
        points: row.points,
        applicableMax: row.applicableMax,
        indexBp: row.indexBp,
        rank: row.rank,
        groupSize: row.groupSize,
        band: row.band,
        areas: row.areaPoints,
        rankPhrase: describeRankChange(
          { rank: row.rank, lastRank: row.lastRank },
          before ? { rank: before.rank, lastRank: before.lastRank } : null,
        ).phrase,
      };
    }),
  };
};

export type ParRoundProgress = {
  round: ParRoundSummary;
  deadlines: { stage: string; due: string | null; passed: boolean }[];
  units: {
    agencyId: string;
    unitName: string;
    unitGroup: ParUnitGroup;
    status: string;
    statusChangedAt: string;
    selfSubmittedAt: string | null;
    evidenceCount: number;
    scoredLeaves: number;
    applicableLeaves: number;
    /** Self-assessment not submitted while its deadline has passed. */
    late: boolean;
  }[];
  counts: { status: string; units: number }[];
};

/**
 * The organiser's progress view of a round: every unit's status, evidence and scored leaves, and the units late
 * with their self-assessment (its deadline passed, not yet submitted). par.organise of the province only.
 */
export const getParRoundProgress = async (
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<ParRoundProgress> => {
  const round = await findParRound(ctx.db, roundId);
  if (!round) {
    throw notFound(PAR_ROUND);
  }
  authorizeProvinceAction(actor, 'par.organise', round.provinceCode);
  const today = todayInVietnam(ctx.clock);
  const [units, evidence, figures] = await Promise.all([
    listParResultUnits(ctx.db, round.id),
    countParRoundEvidence(ctx.db, round.id),
    computeRoundFigures(ctx.db, round.id),
  ]);
  const selfLate = round.selfAssessmentDue !== null && round.selfAssessmentDue < today;
  const rows = units.map((unit) => {
    const figure = figures.find((f) => f.agencyId === unit.agencyId);
    return {
      agencyId: unit.agencyId,
      unitName: unit.unitName,
      unitGroup: unit.unitGroup,
      status: unit.status,
      statusChangedAt: unit.statusChangedAt.toISOString(),
      selfSubmittedAt: unit.selfSubmittedAt?.toISOString() ?? null,
      evidenceCount: evidence.find((e) => e.agencyId === unit.agencyId)?.count ?? 0,
      scoredLeaves: figure?.scoredLeaves ?? 0,
      applicableLeaves: figure?.applicableLeaves ?? 0,
      late: selfLate && unit.status === 'self_draft',
    };
  });
  const deadline = (stage: string, due: string | null) => ({ stage, due, passed: due !== null && due < today });
  return {
    round: summarizeRound(round),
    deadlines: [
      deadline('self_assessment', round.selfAssessmentDue),
      deadline('appraisal_1', round.appraisal1Due),
      deadline('explanation', round.explanationDue),
      deadline('appraisal_2', round.appraisal2Due),
      deadline('council', round.councilDue),
    ],
    units: rows.sort((a, b) => a.unitGroup.localeCompare(b.unitGroup) || a.unitName.localeCompare(b.unitName, 'vi')),
    counts: [...new Set(rows.map((row) => row.status))].map((status) => ({
      status,
      units: rows.filter((row) => row.status === status).length,
    })),
  };
};
