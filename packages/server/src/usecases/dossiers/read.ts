import {
  countInbox,
  type DossierRecord,
  findAgency,
  findProcedureVersion,
  findUserProfile,
  listAgencyOfficials,
  listDossierDocuments,
  listDossierEvents,
  listDossierSteps,
  listScopeAgencyIds,
  searchInbox,
} from '@motcua/db';
import type { Applicant, Submitter } from '@motcua/domain';
import {
  DOSSIER_CHANNELS,
  DOSSIER_STATUSES,
  type DossierState,
  type DossierStatus,
  describeTimeliness,
  foldVietnamese,
  formatInstant,
  isAllowed,
  ROLE_DEFINITIONS,
  type WorkingTimeCalendar,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { findNotificationProblems } from '../../notifications/deliver.js';
import { getAgencyWorkingCalendar } from '../calendar/calendar-service.js';
import { publicUrlOf } from '../provinces/province-site.js';
import { describeFilledApplicationForm } from './application-form.js';
import { getReadableDossier } from './dossier-access.js';

const iso = (date: Date | null | undefined): string | null => (date ? formatInstant(date.getTime()) : null);

/** The officer's view of a dossier: everything, including the applicant's personal data. */
export const toDossierView = async (ctx: AppContext, dossier: DossierRecord) => {
  const state = dossier.state as DossierState;
  const [steps, receiving, holder, documents, applicationForm, version, publicUrl] = await Promise.all([
    listDossierSteps(ctx.db, dossier.id),
    findAgency(ctx.db, dossier.receivingAgencyId),
    findAgency(ctx.db, dossier.holderAgencyId),
    listDossierDocuments(ctx.db, dossier.id),
    describeFilledApplicationForm(
      ctx,
      dossier,
      `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/application-form.pdf`,
    ),
    findProcedureVersion(ctx.db, dossier.procedureVersionId),
    // Result verification pages are on the public address of the dossier's own province.
    publicUrlOf(ctx, dossier.provinceCode),
  ]);
  const template = version?.content.resultTemplate;
  const { calendar } = await getAgencyWorkingCalendar(ctx, dossier.receivingAgencyId);
  const now = ctx.clock.now().getTime();
  const due = dossier.dueAt?.getTime();
  const remaining = remainingWorkingMinutes(calendar, dossier.status, due, now);
  const current = state.currentStep === null ? undefined : steps[state.currentStep];
  const holderUser = dossier.holderUserId ? await findUserProfile(ctx.db, dossier.holderUserId) : undefined;
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    statusLabel: DOSSIER_STATUSES[dossier.status],
    dvcqgStatus: DOSSIER_STATUSES[dossier.status].dvcqg,
    channel: dossier.channel,
    channelLabel: DOSSIER_CHANNELS[dossier.channel],
    procedure: {
      id: dossier.procedureId,
      versionId: dossier.procedureVersionId,
      code: dossier.procedureCode,
      name: dossier.procedureName,
    },
    fieldName: dossier.fieldName,
    summary: dossier.summary,
    // Stored as the intake validated them (JSON columns read back untyped).
    applicant: dossier.applicant as unknown as Applicant,
    submitter: dossier.submitter as unknown as Submitter | null,
    components: dossier.components,
    receivingAgency: receiving ? { id: receiving.id, code: receiving.code, name: receiving.name } : null,
    holder: {
      agencyId: dossier.holderAgencyId,
      agencyName: holder?.name ?? null,
      userId: dossier.holderUserId,
      userName: holderUser?.fullName ?? null,
      stepKey: current?.key ?? null,
      stepName: current?.name ?? null,
      role: dossier.currentStepRole,
      stepDueAt: iso(dossier.currentStepDueAt),
      waitingForHandoff: current ? current.receivedAt === null : false,
    },
    receivedAt: iso(dossier.receivedAt),
    dueAt: iso(dossier.dueAt),
    legalDueAt: iso(dossier.legalDueAt),
    dueProvisional: dossier.dueProvisional,
    remainingWorkingMinutes: remaining,
    workingDayMinutes: calendar.minutesPerWorkingDay,
    rescheduled: state.apologyCount > 0,
    completedAt: iso(dossier.completedAt),
    completionClass: dossier.completionClass,
    // Against the legal due instant (an apology's new appointment does not make a dossier on time).
    timeliness: describeTimeliness({
      recorded: dossier.completionClass,
      dueAt: (dossier.legalDueAt ?? dossier.dueAt)?.getTime(),
      completedAt: dossier.completedAt?.getTime(),
      now: ctx.clock.now().getTime(),
    }),
    outcome: dossier.outcome,
    returnedAt: iso(dossier.returnedAt),
    returnChannel: dossier.returnChannel,
    supplementPhase: state.supplementPhase,
    steps: steps.map((s) => ({
      stepNo: s.stepNo,
      key: s.key,
      name: s.name,
      role: s.role,
      roleLabel: ROLE_DEFINITIONS[s.role].label,
      agencyId: s.agencyId,
      agencyCode: s.agencyCode,
      agencyName: s.agencyName,
      assigneeUserId: s.assigneeUserId,
      assigneeName: s.assigneeName,
      status: s.status,
      handoff: s.handoff,
      allotmentMinutes: s.allotmentMinutes,
      givenAt: iso(s.givenAt),
      receivedAt: iso(s.receivedAt),
      completedAt: iso(s.completedAt),
      dueAt: iso(s.dueAt),
      overrunMinutes: s.overrunMinutes,
      givenByName: s.givenByName,
      receivedByName: s.receivedByName,
      completedByName: s.completedByName,
      timeliness: describeTimeliness({
        dueAt: s.dueAt?.getTime(),
        completedAt: s.completedAt?.getTime(),
        now: ctx.clock.now().getTime(),
      }),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      componentKey: d.componentKey,
      name: d.name,
      documentNo: d.documentNo,
      sha256: d.fileSha256,
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      createdAt: iso(d.createdAt),
      origin: d.origin,
      downloadUrl: d.fileSha256 ? `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/documents/${d.id}` : null,
      verifyUrl:
        d.kind === 'result' && d.fileSha256 ? `${publicUrl}/v/${d.origin === 'generated' ? d.id : d.fileSha256}` : null,
    })),
    // The result template of the dossier's procedure version, when its result can be generated.
    resultTemplate: template ? { key: template.key, title: template.title } : null,
    // Notifications to the applicant that keep failing (the desk contacts the applicant another way).
    notificationProblems: await findNotificationProblems(ctx, dossier.id),
    applicationForm,
    version: dossier.version,
  };
};

export const getDossier = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier } = await getReadableDossier(ctx, actor, code);
  return toDossierView(ctx, dossier);
};

export const getDossierEvents = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier } = await getReadableDossier(ctx, actor, code);
  const events = await listDossierEvents(ctx.db, dossier.id);
  return events.map((e) => ({ ...e, at: formatInstant(e.at.getTime()) }));
};

/** The name of the format of a dossier export; a reader checks it before reading the rest. */
export const DOSSIER_EXPORT_FORMAT = 'motcua.dossier-export/1' as const;

/**
 * One dossier as a self-contained record (hồ sơ điện tử): the officer's view — the applicant, the
 * components, the steps, the documents and the filled application form with the definition of the
 * dossier's own procedure version — and its hash-chained history, so another system (or an archive)
 * can read it without this one.
 */
export const exportDossier = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier } = await getReadableDossier(ctx, actor, code);
  const [view, events] = await Promise.all([toDossierView(ctx, dossier), listDossierEvents(ctx.db, dossier.id)]);
  return {
    format: DOSSIER_EXPORT_FORMAT,
    exportedAt: formatInstant(ctx.clock.now().getTime()),
    dossier: view,
    events: events.map((e) => ({ ...e, at: formatInstant(e.at.getTime()) })),
  };
};

/** Red when overdue, amber when less than one working day is left. */
/**
 * Whole working minutes left before the due instant (negative once overdue), for dossiers whose
 * clock runs. Floored: 90.5 minutes left shows as 90, half a minute overdue as -1 (already late).
 */
const remainingWorkingMinutes = (
  calendar: WorkingTimeCalendar,
  status: DossierStatus,
  due: number | undefined,
  now: number,
): number | null => {
  if (due === undefined || !['received', 'processing'].includes(status)) {
    return null;
  }
  const signed =
    due >= now ? calendar.getWorkingMinutesBetween(now, due) : -calendar.getWorkingMinutesBetween(due, now);
  return Math.floor(signed);
};

const urgencyOf = (remaining: number | null, workingDay: number): 'overdue' | 'due_soon' | 'normal' | null =>
  remaining === null ? null : remaining < 0 ? 'overdue' : remaining < workingDay ? 'due_soon' : 'normal';

export type InboxInput = {
  box: 'all' | 'mine' | 'agency' | 'due_soon' | 'overdue';
  status?: DossierStatus[] | undefined;
  procedure?: string | undefined;
  field?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

const encodeCursor = (row: { dueAt: Date | null; id: string }) =>
  Buffer.from(JSON.stringify({ d: row.dueAt?.toISOString() ?? null, i: row.id })).toString('base64url');

const decodeCursor = (cursor: string): { dueAt: string | null; id: string } => {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d: string | null; i: string };
    if (typeof parsed.i !== 'string' || (parsed.d !== null && typeof parsed.d !== 'string')) {
      throw new Error('shape');
    }
    return { dueAt: parsed.d, id: parsed.i };
  } catch {
    throw new AppError('BAD_REQUEST');
  }
};

/**
 * The inbox of an official: dossiers held by or received at the agencies their dossier roles
 * reach, by box — mine (my steps), agency, due soon (within 2 working days), overdue — with the
 * remaining working time of each. Keyset-paginated by (due instant, id).
 */
/** What every inbox query shares: the agencies the caller's dossier roles reach and their step roles. */
const buildInboxScope = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  const readers = official.grants.filter((g) =>
    isAllowed([g], 'dossier.read', {
      kind: 'agency',
      lineage: { agencyId: g.agencyId, provinceCode: g.provinceCode, coveringIds: [g.agencyId], ancestorIds: [] },
    }),
  );
  if (readers.length === 0) {
    throw new AppError('FORBIDDEN');
  }
  const agencyIds = await listScopeAgencyIds(ctx.db, readers);
  const now = ctx.clock.now();
  // "Due soon": within two working days of the province calendar of the first agency.
  const first = readers[0];
  const { calendar } = await getAgencyWorkingCalendar(ctx, first?.agencyId ?? '');
  const dueSoonUntil = new Date(calendar.addWorkingMinutes(now.getTime(), 2 * calendar.minutesPerWorkingDay));
  const myStepRoles = readers.flatMap((g) => {
    const steps: string[] = [];
    if (g.role === 'receptionist') {
      steps.push('receptionist', 'result_returner');
    } else if (g.role === 'result_returner') {
      steps.push('result_returner');
    } else if (g.role === 'processor') {
      steps.push('processor');
    } else if (g.role === 'approver') {
      steps.push('processor', 'approver');
    }
    return steps.map((role) => ({ agencyId: g.agencyId, role }));
  });
  return { official, agencyIds, now, dueSoonUntil, myStepRoles, calendar };
};

/** How many dossiers wait in each box (capped at 1,000: a badge shows "999+"). */
export const countInboxBoxes = async (ctx: AppContext, actor: Actor) => {
  const scope = await buildInboxScope(ctx, actor);
  const base = {
    agencyIds: scope.agencyIds,
    userId: scope.official.userId,
    myStepRoles: scope.myStepRoles,
    now: scope.now,
    dueSoonUntil: scope.dueSoonUntil,
  };
  const count = (box: InboxInput['box']) => countInbox(ctx.db, { ...base, box }, 1000);
  return {
    mine: await count('mine'),
    agency: await count('agency'),
    due_soon: await count('due_soon'),
    overdue: await count('overdue'),
  };
};

/** Officials of the holding agency the dossier's current step can be assigned to. */
export const listDossierAssignees = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier, access } = await getReadableDossier(ctx, actor, code);
  const roles = access.rolesAt(dossier.holderAgencyId);
  if (!roles.includes('processor') && !roles.includes('approver')) {
    throw new AppError('FORBIDDEN');
  }
  const role = dossier.currentStepRole === 'approver' ? ['approver'] : ['processor', 'approver'];
  const rows = await listAgencyOfficials(ctx.db, { agencyId: dossier.holderAgencyId, roles: role });
  const byUser = new Map<string, { id: string; fullName: string; title: string | null; roles: string[] }>();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? { id: row.id, fullName: row.fullName, title: row.title, roles: [] };
    entry.roles.push(row.role);
    byUser.set(row.id, entry);
  }
  return [...byUser.values()];
};

export const findInboxDossiers = async (ctx: AppContext, actor: Actor, input: InboxInput) => {
  const { official, agencyIds, now, dueSoonUntil, myStepRoles, calendar } = await buildInboxScope(ctx, actor);
  const rows = await searchInbox(ctx.db, {
    agencyIds,
    box: input.box,
    userId: official.userId,
    myStepRoles,
    ...(input.status ? { statuses: input.status } : {}),
    ...(input.procedure ? { procedureCode: input.procedure } : {}),
    ...(input.field ? { fieldName: input.field } : {}),
    ...(input.q && /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/.test(input.q.trim())
      ? { code: input.q.trim() }
      : input.q
        ? { foldedApplicant: foldVietnamese(input.q) }
        : {}),
    now,
    dueSoonUntil,
    ...(input.cursor ? { cursor: decodeCursor(input.cursor) } : {}),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const due = row.dueAt?.getTime();
      const remaining = remainingWorkingMinutes(calendar, row.status, due, now.getTime());
      return {
        code: row.code,
        status: row.status,
        statusLabel: DOSSIER_STATUSES[row.status],
        channel: row.channel,
        procedureCode: row.procedureCode,
        procedureName: row.procedureName,
        fieldName: row.fieldName,
        applicantName: row.applicantName,
        summary: row.summary,
        holderAgencyId: row.holderAgencyId,
        holderAgencyName: row.holderAgencyName,
        holderUserId: row.holderUserId,
        currentStepRole: row.currentStepRole,
        receivedAt: iso(row.receivedAt),
        dueAt: iso(row.dueAt),
        dueProvisional: row.dueProvisional,
        remainingWorkingMinutes: remaining,
        urgency: urgencyOf(remaining, calendar.minutesPerWorkingDay),
        version: row.version,
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
};
