import { randomBytes } from 'node:crypto';
import {
  countReturnedDossiersByAgency,
  type Database,
  findDossiersAtPositions,
  findSipasCampaign,
  findSipasQuestionnaire,
  insertSipasCampaign,
  insertSipasInvitations,
  insertSipasStrata,
  listPublishedSipasCampaigns,
  listSipasCampaigns,
  lockSipasCampaign,
  type SipasCampaignRecord,
  updateSipasCampaign,
} from '@motcua/db';
import {
  addDays,
  compareYearOnYear,
  DEFAULT_INDEX_SETTINGS,
  DEFAULT_MARGIN_BP,
  decideSipasCampaignAction,
  type IndexSettings,
  planSample,
  SIPAS_CAMPAIGN_ACTIONS,
  SIPAS_CAMPAIGN_STATUSES,
  type SipasCampaignAction,
  toInstant,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { getInstallationSecret } from '../../auth/installation-secret.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { QUEUES } from '../../jobs/jobs.js';
import { ensureDefaultQuestionnaire } from './questionnaires.js';
import {
  authorizeSipasOrganiser,
  authorizeSipasRead,
  CAMPAIGN,
  deriveInvitationToken,
  hashInvitationToken,
  QUESTIONNAIRE,
} from './sipas-access.js';
import { buildSipasReport, type SipasReport } from './sipas-report.js';

export type SipasInvitationsJob = { campaignId: string; reminder: boolean };

export const presentCampaign = (c: SipasCampaignRecord) => ({
  id: c.id,
  provinceCode: c.provinceCode,
  year: c.year,
  title: c.title,
  questionnaireId: c.questionnaireId,
  periodFrom: c.periodFrom,
  periodTo: c.periodTo,
  marginBp: c.marginBp,
  status: c.status,
  statusLabel: SIPAS_CAMPAIGN_STATUSES[c.status],
  seed: c.seed,
  population: c.population,
  sampleSize: c.sampleSize,
  indexSettings: c.indexSettings,
  isDemo: c.isDemo,
  version: c.rowVersion,
  createdAt: c.createdAt.toISOString(),
  sampledAt: c.sampledAt?.toISOString() ?? null,
  openedAt: c.openedAt?.toISOString() ?? null,
  closedAt: c.closedAt?.toISOString() ?? null,
  publishedAt: c.publishedAt?.toISOString() ?? null,
});

/** The instants bounding a campaign's period: from 00:00 of the first day to 00:00 after the last (Vietnam time). */
export const periodInstants = (c: { periodFrom: string; periodTo: string }) => ({
  from: new Date(toInstant(c.periodFrom, 0)),
  to: new Date(toInstant(addDays(c.periodTo, 1), 0)),
});

export type CreateCampaignInput = {
  provinceCode: string;
  year: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  marginBp?: number | undefined;
  questionnaireId?: string | undefined;
  indexSettings?: IndexSettings | undefined;
};

/** A new campaign (draft): its period, margin of error and questionnaire (the province's default if none). */
export const createSipasCampaign = async (ctx: AppContext, actor: Actor, input: CreateCampaignInput) => {
  const official = authorizeSipasOrganiser(actor, input.provinceCode);
  if (
    input.periodFrom > input.periodTo ||
    input.periodFrom.slice(0, 4) !== String(input.year) ||
    input.periodTo.slice(0, 4) !== String(input.year)
  ) {
    throw new AppError('SIPAS_PERIOD_INVALID');
  }
  const campaign = await ctx.db.transaction().execute(async (trx) => {
    const questionnaire = input.questionnaireId
      ? await findSipasQuestionnaire(trx, input.questionnaireId)
      : await ensureDefaultQuestionnaire(trx, { provinceCode: input.provinceCode, createdBy: official.userId });
    if (!questionnaire || questionnaire.provinceCode !== input.provinceCode) {
      throw new AppError('NOT_FOUND', { resource: QUESTIONNAIRE });
    }
    return insertSipasCampaign(trx, {
      provinceCode: input.provinceCode,
      year: input.year,
      title: input.title,
      questionnaireId: questionnaire.id,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      marginBp: input.marginBp ?? DEFAULT_MARGIN_BP,
      indexSettings: input.indexSettings ?? DEFAULT_INDEX_SETTINGS,
      createdBy: official.userId,
    });
  });
  return presentCampaign(campaign);
};

export const listSipasCampaignsOf = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; limit: number; cursor?: string | undefined },
) => {
  authorizeSipasRead(ctx, actor, input.provinceCode);
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await listSipasCampaigns(ctx.reader, {
    provinceCode: input.provinceCode,
    limit: input.limit + 1,
    after,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentCampaign),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
};

const encodeCursor = (c: SipasCampaignRecord) =>
  Buffer.from(JSON.stringify([c.year, c.createdAt.toISOString(), c.id])).toString('base64url');
const decodeCursor = (cursor: string) => {
  try {
    const [year, createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      number,
      string,
      string,
    ];
    if (typeof year !== 'number' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) {
      throw new Error('cursor');
    }
    return { year, createdAt: new Date(createdAt), id };
  } catch {
    throw new AppError('REPORT_CURSOR_INVALID');
  }
};

/** Reads a campaign the actor may read (404 otherwise). */
export const getReadableCampaign = async (ctx: AppContext, actor: Actor, id: string) => {
  const campaign = await findSipasCampaign(ctx.db, id);
  if (!campaign) {
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  const scope = authorizeSipasRead(ctx, actor, campaign.provinceCode);
  return { campaign, scope };
};

/** A campaign with its progress per agency (the agencies the reader may see) and, once answered, its index. */
export const getSipasCampaign = async (ctx: AppContext, actor: Actor, id: string) => {
  const { campaign, scope } = await getReadableCampaign(ctx, actor, id);
  const report = await buildSipasReport(ctx, campaign);
  const agencies = [];
  for (const agency of report.agencies) {
    if (await scope.allows(agency.agencyId)) {
      agencies.push(agency);
    }
  }
  const full = agencies.length === report.agencies.length;
  return {
    campaign: presentCampaign(campaign),
    questionnaire: report.questionnaire,
    agencies,
    levels: full ? report.levels : [],
    province: full ? report.province : null,
    frozen: report.frozen,
    yearOnYear: await findYearOnYear(ctx, campaign, {
      province: full ? report.province : null,
      agencies,
    }),
  };
};

/**
 * Last year's figures beside this campaign's: the latest campaign the province published for the year
 * before (its frozen publication, never recomputed), per factor and overall for the province, and
 * overall per agency (the agencies the reader sees). Null when the province published nothing that year.
 */
const findYearOnYear = async (
  ctx: AppContext,
  campaign: SipasCampaignRecord,
  current: { province: SipasReport['province'] | null; agencies: SipasReport['agencies'] },
) => {
  const [previousCampaign] = await listPublishedSipasCampaigns(ctx.reader, {
    provinceCode: campaign.provinceCode,
    year: campaign.year - 1,
  });
  const previous = previousCampaign?.publishedResult as unknown as SipasReport | null | undefined;
  if (!previousCampaign || !previous) {
    return null;
  }
  const before = new Map(previous.agencies.map((a) => [a.agencyId, a]));
  return {
    previousCampaign: {
      id: previousCampaign.id,
      title: previousCampaign.title,
      year: previousCampaign.year,
      publishedAt: previousCampaign.publishedAt?.toISOString() ?? null,
    },
    /** How last year's overall figure was formed (shown beside it: a change of rule stays visible). */
    previousRule: previous.province.index.rule,
    previousFactorNames: previous.questionnaire.definition.factors.map((f) => ({
      key: f.key,
      vi: f.vi,
      en: f.en ?? f.vi,
    })),
    province: current.province ? compareYearOnYear(current.province.index, previous.province.index) : null,
    agencies: current.agencies.map((a) => {
      const p = before.get(a.agencyId);
      return {
        agencyId: a.agencyId,
        agencyName: a.agencyName,
        ...compareYearOnYear(a.index, p?.index ?? { percent: null, numerator: 0, base: 0, factors: [] }).overall,
      };
    }),
  };
};

/**
 * One step of the campaign's life, guarded by the version the organiser saw: authorize (sipas.organise
 * for the province) → lock → decide with the table → write → the outbox job (invitations) in the same
 * transaction.
 */
const changeCampaign = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; action: SipasCampaignAction },
  apply: (trx: Transaction<Database>, campaign: SipasCampaignRecord, userId: string) => Promise<SipasCampaignRecord>,
) => {
  const found = await findSipasCampaign(ctx.db, input.id);
  if (!found) {
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  const official = authorizeSipasOrganiser(actor, found.provinceCode);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSipasCampaign(trx, input.id);
    if (!locked) {
      throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
    }
    if (locked.rowVersion !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: locked.rowVersion, sent: input.expectedVersion });
    }
    const to = decideSipasCampaignAction(locked.status, input.action);
    if (!to) {
      const rule = SIPAS_CAMPAIGN_ACTIONS[input.action];
      throw new AppError('SIPAS_CAMPAIGN_STATE', {
        status: SIPAS_CAMPAIGN_STATUSES[locked.status],
        action: { vi: rule.vi, en: rule.en },
      });
    }
    return apply(trx, locked, official.userId);
  });
  return presentCampaign(saved);
};

const guarded = async (
  trx: Transaction<Database>,
  campaign: SipasCampaignRecord,
  set: Parameters<typeof updateSipasCampaign>[1]['set'],
) => {
  const saved = await updateSipasCampaign(trx, { id: campaign.id, rowVersion: campaign.rowVersion, set });
  if (!saved) {
    throw new AppError('VERSION_CONFLICT', { current: campaign.rowVersion + 1, sent: campaign.rowVersion });
  }
  return saved;
};

/**
 * Draws and freezes the sample: the population (dossiers returned in the period, per receiving
 * agency), n = ⌈N/(1+N·e²)⌉ allocated to the agencies, the positions drawn from the seed (the one
 * given, or a new random one that is recorded), and one invitation per drawn dossier.
 */
export const drawSipasSample = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; seed?: string | undefined },
) => {
  const secret = await getInstallationSecret(ctx);
  return changeCampaign(ctx, actor, { ...input, action: 'draw_sample' }, (trx, campaign) =>
    freezeSample(trx, campaign, { seed: input.seed ?? randomBytes(12).toString('hex'), secret, now: ctx.clock.now() }),
  );
};

/**
 * The sample's write, in the caller's transaction: strata, one invitation per drawn dossier (the token's
 * hash only), and the campaign marked sampled with its seed and sizes (guarded by its row version).
 */
export const freezeSample = async (
  trx: Transaction<Database>,
  campaign: SipasCampaignRecord,
  input: { seed: string; secret: string; now: Date },
): Promise<SipasCampaignRecord> => {
  const period = periodInstants(campaign);
  const strata = (await countReturnedDossiersByAgency(trx, { provinceCode: campaign.provinceCode, ...period })).map(
    (s) => ({ key: s.agencyId, population: s.population }),
  );
  if (strata.length === 0) {
    throw new AppError('SIPAS_NO_POPULATION');
  }
  const plan = planSample(strata, campaign.marginBp, input.seed);
  await insertSipasStrata(
    trx,
    plan.strata.map((s) => ({
      campaignId: campaign.id,
      provinceCode: campaign.provinceCode,
      agencyId: s.key,
      population: s.population,
      sampleSize: s.sampleSize,
    })),
  );
  for (const stratum of plan.strata) {
    const dossierIds = await findDossiersAtPositions(trx, {
      agencyId: stratum.key,
      ...period,
      positions: stratum.positions,
    });
    await insertSipasInvitations(
      trx,
      dossierIds.map((dossierId) => ({
        campaignId: campaign.id,
        provinceCode: campaign.provinceCode,
        agencyId: stratum.key,
        dossierId,
        tokenSha256: hashInvitationToken(deriveInvitationToken(input.secret, campaign.id, dossierId)),
      })),
    );
  }
  return guarded(trx, campaign, {
    status: 'sampled',
    seed: input.seed,
    population: plan.population,
    sampleSize: plan.sampleSize,
    sampledAt: input.now,
  });
};

/** The publication's write: the index computed from the answers and frozen in the campaign. */
export const freezePublication = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  campaign: SipasCampaignRecord,
  input: { userId: string | null; now: Date },
): Promise<SipasCampaignRecord> => {
  const report = await buildSipasReport({ ...ctx, db: trx as never, reader: trx as never }, campaign);
  return guarded(trx, campaign, {
    status: 'published',
    publishedAt: input.now,
    ...(input.userId ? { publishedBy: input.userId } : {}),
    publishedResult: { ...report, frozen: true, publishedAt: input.now.toISOString() },
  });
};

/** Opens the survey: answers are taken, and the invitations are sent (email/SMS) after the commit. */
export const openSipasCampaign = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
) =>
  changeCampaign(ctx, actor, { ...input, action: 'open' }, async (trx, campaign) => {
    const saved = await guarded(trx, campaign, { status: 'open', openedAt: ctx.clock.now() });
    await ctx.jobs.enqueue<SipasInvitationsJob>(trx, QUEUES.sipasInvitations, {
      campaignId: campaign.id,
      reminder: false,
    });
    return saved;
  });

/** Reminds the invited who have not answered (email/SMS after the commit). */
export const remindSipasCampaign = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
) =>
  changeCampaign(ctx, actor, { ...input, action: 'remind' }, async (trx, campaign) => {
    await ctx.jobs.enqueue<SipasInvitationsJob>(trx, QUEUES.sipasInvitations, {
      campaignId: campaign.id,
      reminder: true,
    });
    return campaign;
  });

export const closeSipasCampaign = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
) =>
  changeCampaign(ctx, actor, { ...input, action: 'close' }, (trx, campaign) =>
    guarded(trx, campaign, { status: 'closed', closedAt: ctx.clock.now() }),
  );

/** Publishes the index: computed from the answers and frozen in the campaign, so the figures never move. */
export const publishSipasCampaign = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
) =>
  changeCampaign(ctx, actor, { ...input, action: 'publish' }, (trx, campaign, userId) =>
    freezePublication(ctx, trx, campaign, { userId, now: ctx.clock.now() }),
  );
