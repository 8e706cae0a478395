import {
  type AgencyRecord,
  type DossierRecord,
  findAdministrativeUnit,
  findAgency,
  findDossierById,
  findIssuedForm,
  findSipasInvitationOfDossier,
  getProcedureVersion,
  type IssuedFormName,
  insertIssuedForm,
  listDossierDocuments,
  listDossierEvents,
  listDossierSteps,
} from '@motcua/db';
import {
  type Applicant,
  DOSSIER_CHANNELS,
  type DossierState,
  describeTimeliness,
  formatFullAddress,
  type ProcedureDuration,
  type Submitter,
  TIMELINESS_LABELS,
  tidyPrintedText,
  toLocalDate,
  toLocalMinutes,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { deriveTrackingPin, getInstallationSecret } from '../../auth/installation-secret.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { lookupUrlOf } from '../../notifications/deliver.js';
import type { ApplicantBlock, CommonFormData, ControlSlipLine, FormData, IssuerBlock } from '../../pdf/form-data.js';
import { renderForm } from '../../pdf/render-form.js';
import { describeAgencyLetterhead } from '../provinces/letterhead.js';
import { invitationTokenOf, surveyUrlOf } from '../sipas/sipas-access.js';
import { getReadableDossier } from './dossier-access.js';
import { findChannelDuration } from './intake.js';

export const DOSSIER_FORMS = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'stop_notice',
  'control_slip',
  'tracking_book',
] as const;
export type DossierFormName = (typeof DOSSIER_FORMS)[number];

export const atOf = (date: Date | number): { date: string; time: string } => {
  const ms = typeof date === 'number' ? date : date.getTime();
  const minutes = toLocalMinutes(ms);
  return {
    date: toLocalDate(ms),
    time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
  };
};

const durationText = (duration: ProcedureDuration | null): string => {
  if (!duration) {
    return 'Theo quy định của pháp luật chuyên ngành';
  }
  switch (duration.unit) {
    case 'working_days':
      return `${String(duration.value).padStart(2, '0')} ngày làm việc`;
    case 'working_hours':
      return `${String(duration.value).padStart(2, '0')} giờ làm việc`;
    case 'calendar_days':
      return `${String(duration.value).padStart(2, '0')} ngày`;
    case 'same_day':
      return `Trong ngày (tiếp nhận sau ${duration.cutoff} trả trong ngày làm việc tiếp theo)`;
  }
};

/**
 * The issuer block of a dossier's documents: the agency under its governing body and the place name of the
 * agency's own province or commune (provinces/letterhead.ts).
 */
export const issuerOf = async (ctx: AppContext, agency: AgencyRecord): Promise<IssuerBlock> =>
  describeAgencyLetterhead(ctx, agency);

/** The applicant's address with the commune and province chosen at intake (as they were named then). */
const fullAddressOf = async (ctx: AppContext, dossier: DossierRecord): Promise<string> => {
  const { address } = dossier.applicant as Applicant;
  if (!address.communeCode) {
    return address.text;
  }
  const at = toLocalDate((dossier.receivedAt ?? dossier.createdAt).getTime());
  const commune = await findAdministrativeUnit(ctx.db, { level: 'commune', code: address.communeCode, at });
  const province = commune
    ? await findAdministrativeUnit(ctx.db, { level: 'province', code: commune.provinceCode, at })
    : undefined;
  return formatFullAddress({ text: address.text, communeName: commune?.name, provinceName: province?.name });
};

const applicantOf = async (ctx: AppContext, dossier: DossierRecord): Promise<ApplicantBlock> => {
  const applicant = dossier.applicant as Applicant;
  const submitter = dossier.submitter as Submitter | null;
  return {
    name: dossier.applicantName,
    kind: applicant.kind,
    identifier: applicant.kind === 'person' ? applicant.idNumber : applicant.taxCode,
    address: await fullAddressOf(ctx, dossier),
    ...(applicant.phone ? { phone: applicant.phone } : {}),
    ...(applicant.email ? { email: applicant.email } : {}),
    ...(submitter ? { submitterName: submitter.fullName } : {}),
  };
};

/**
 * The SIPAS survey link printed on the slip handed over with the result (issue 18 item 2): only for a
 * dossier drawn into the sample of a campaign now taking answers, whose invitation is unused. Not for
 * every returned dossier: the index is estimated from the random sample (n = N/(1+N·e²), the margin of
 * error, the seed that reproduces the draw — domain/sipas/sampling.ts); an invitation made on demand for
 * a dossier outside it would add self-selected answers the sample design cannot weigh. The token is
 * derived, not stored (sipas-access.ts), so every print of the slip carries the same one-time link.
 */
const surveyInvitationOf = async (
  ctx: AppContext,
  dossier: Pick<DossierRecord, 'id' | 'provinceCode'>,
): Promise<{ url: string } | undefined> => {
  const invitation = await findSipasInvitationOfDossier(ctx.db, dossier.id);
  if (!invitation || invitation.usedAt || invitation.campaignStatus !== 'open') {
    return undefined;
  }
  const token = await invitationTokenOf(ctx, invitation.campaignId, dossier.id);
  return { url: await surveyUrlOf(ctx, dossier.provinceCode, token) };
};

const notAvailable = (form: string) => new AppError('FORM_NOT_AVAILABLE', { form });

/**
 * The data of one printed form of a dossier, from its record and history. Forms exist only once
 * the action that produces them happened (no receipt for a refused dossier).
 */
export const buildDossierForm = async (
  ctx: AppContext,
  dossier: DossierRecord,
  form: DossierFormName,
  issuing?: DossierEventRecord,
): Promise<FormData> => {
  const receiving = await findAgency(ctx.db, dossier.receivingAgencyId);
  if (!receiving) {
    throw notAvailable(form);
  }
  const events = await listDossierEvents(ctx.db, dossier.id);
  // A form of a record is built from the event that issued it; otherwise from the latest such event.
  const latest = (...actions: string[]) =>
    issuing && actions.includes(issuing.action)
      ? issuing
      : [...events].reverse().find((e) => actions.includes(e.action));
  const issuer = await issuerOf(ctx, receiving);
  const common: CommonFormData = {
    issuer,
    dossierCode: dossier.code,
    lookupUrl: await lookupUrlOf(ctx, dossier),
    issuedAt: atOf(ctx.clock.now()),
    procedureName: tidyPrintedText(dossier.procedureName),
    applicant: await applicantOf(ctx, dossier),
  };
  const state = dossier.state as DossierState;
  switch (form) {
    case 'receipt': {
      const received = latest('receive');
      if (!received || !dossier.receivedAt) {
        throw notAvailable(form);
      }
      const version = await getProcedureVersion(ctx.db, dossier.procedureVersionId);
      const components = (
        dossier.components as { name: string; originals: number; copies: number; fromData: boolean }[]
      ).map((c) => ({
        // Names come from the national catalogue: words apart, no word cut at the source.
        name: tidyPrintedText(c.name),
        originals: c.originals,
        copies: c.copies,
        ...(c.fromData ? { note: 'Khai thác từ CSDL' } : {}),
      }));
      // The appointment given at intake (the receive event's due instant), not a later one: a new
      // appointment after an apology is on the apology form, never on the receipt.
      const dueAfter = (received.payload as { dueAfter?: number | null }).dueAfter;
      const due = typeof dueAfter === 'number' ? new Date(dueAfter) : (dossier.dueAt ?? dossier.legalDueAt);
      return {
        ...common,
        form: 'receipt',
        issuedAt: atOf(dossier.receivedAt),
        receivingUnit: receiving.name,
        channel: DOSSIER_CHANNELS[dossier.channel].vi,
        summary: tidyPrintedText(dossier.summary),
        components,
        sets: 1,
        legalTime: durationText(findChannelDuration(version.content, dossier.channel)),
        receivedAt: atOf(dossier.receivedAt),
        appointment: due ? atOf(due) : atOf(dossier.receivedAt),
        provisional: dossier.dueProvisional,
        resultPlace: `${receiving.name}`,
        trackingPin: deriveTrackingPin(await getInstallationSecret(ctx), dossier.code),
        receiver: { title: 'NGƯỜI TIẾP NHẬN', ...(received.actorName ? { name: received.actorName } : {}) },
      };
    }
    case 'supplement_request': {
      const event = latest('request_intake_supplement', 'request_supplement');
      if (!event) {
        throw notAvailable(form);
      }
      const params = (event.payload.params ?? event.payload) as { missing?: string[]; reason?: string };
      return {
        ...common,
        form: 'supplement_request',
        issuedAt: atOf(event.at),
        missing: (params.missing ?? (event.payload.missing as string[] | undefined) ?? []).map(tidyPrintedText),
        reason: params.reason ?? event.note ?? '',
        guidingOfficer: { title: 'NGƯỜI HƯỚNG DẪN', ...(event.actorName ? { name: event.actorName } : {}) },
      };
    }
    case 'refusal': {
      const event = latest('refuse');
      if (!event) {
        throw notAvailable(form);
      }
      return {
        ...common,
        form: 'refusal',
        issuedAt: atOf(event.at),
        reason: event.note ?? '',
        officer: { title: 'NGƯỜI TIẾP NHẬN', ...(event.actorName ? { name: event.actorName } : {}) },
      };
    }
    case 'apology': {
      const event = latest('apologize');
      if (!event || !dossier.receivedAt) {
        throw notAvailable(form);
      }
      const payload = event.payload as { dueBefore?: number; params?: { newDueAt?: number; reason?: string } };
      return {
        ...common,
        form: 'apology',
        issuedAt: atOf(event.at),
        receivedAt: atOf(dossier.receivedAt),
        originalAppointment: atOf(payload.dueBefore ?? dossier.legalDueAt?.getTime() ?? event.at.getTime()),
        newAppointment: atOf(payload.params?.newDueAt ?? dossier.dueAt?.getTime() ?? event.at.getTime()),
        reason: payload.params?.reason ?? event.note ?? '',
        head: { title: 'THỦ TRƯỞNG CƠ QUAN', ...(event.actorName ? { name: event.actorName } : {}) },
      };
    }
    case 'stop_notice': {
      const event = latest('stop');
      if (!event) {
        throw notAvailable(form);
      }
      return {
        ...common,
        form: 'stop_notice',
        issuedAt: atOf(event.at),
        reason: event.note ?? '',
        head: { title: 'THỦ TRƯỞNG CƠ QUAN', ...(event.actorName ? { name: event.actorName } : {}) },
      };
    }
    case 'control_slip': {
      if (!dossier.receivedAt || state.steps.length === 0) {
        throw notAvailable(form);
      }
      const steps = await listDossierSteps(ctx.db, dossier.id);
      const lines: ControlSlipLine[] = steps.slice(1).map((step, index) => {
        const previous = steps[index];
        return {
          from: previous?.agencyName ?? receiving.name,
          ...(step.givenAt ? { givenAt: atOf(step.givenAt) } : {}),
          to: `${step.agencyName} — ${step.name}`,
          ...(step.receivedAt ? { receivedAt: atOf(step.receivedAt) } : {}),
          ...(step.givenByName ? { givenBy: step.givenByName } : {}),
          ...(step.receivedByName ? { receivedBy: step.receivedByName } : {}),
          ...(step.dueAt ? { dueAt: atOf(step.dueAt) } : {}),
          // The result column of the slip: the step finished early / on time / late against its own due instant.
          ...(step.completedAt && step.dueAt
            ? {
                result: describeTimeliness({ dueAt: step.dueAt.getTime(), completedAt: step.completedAt.getTime() }).vi,
              }
            : {}),
        };
      });
      // The result files attached to the dossier, then the paper results the completion named without a file.
      const files = (await listDossierDocuments(ctx.db, dossier.id))
        .filter((document) => document.kind === 'result')
        .map((document) => ({
          name: document.name,
          ...(document.documentNo ? { documentNo: document.documentNo } : {}),
          ...(document.fileSha256 ? { sha256: document.fileSha256 } : {}),
        }));
      const named = (latest('complete')?.payload.results ?? []) as {
        name: string;
        documentNo?: string;
        documentId?: string;
      }[];
      const paper = named
        .filter((r) => !r.documentId)
        .map((r) => ({ name: r.name, ...(r.documentNo ? { documentNo: r.documentNo } : {}) }));
      const results = [...files, ...paper];
      const returner = steps.at(-1);
      const survey = dossier.returnedAt ? await surveyInvitationOf(ctx, dossier) : undefined;
      return {
        ...common,
        form: 'control_slip',
        ...(survey ? { survey } : {}),
        results,
        receivedAt: atOf(dossier.receivedAt),
        appointment: atOf(dossier.dueAt ?? dossier.legalDueAt ?? dossier.receivedAt),
        lines,
        ...(dossier.returnedAt
          ? {
              returned: {
                ...atOf(dossier.returnedAt),
                channel:
                  dossier.returnChannel === 'post'
                    ? 'Qua bưu chính'
                    : dossier.returnChannel === 'online'
                      ? 'Trực tuyến'
                      : 'Tại Bộ phận Một cửa',
                ...(dossier.completionClass ? { result: TIMELINESS_LABELS[dossier.completionClass].vi } : {}),
                ...(returner?.role === 'result_returner' && returner.completedByName
                  ? { returnedBy: returner.completedByName }
                  : {}),
              },
            }
          : {}),
      };
    }
    case 'tracking_book': {
      if (!dossier.receivedAt) {
        throw notAvailable(form);
      }
      const received = latest('receive');
      const applicant = await applicantOf(ctx, dossier);
      const day = (d: Date | null) =>
        d ? `${atOf(d).date.split('-').reverse().join('/')} ${atOf(d).time}` : undefined;
      return {
        form: 'tracking_book',
        issuer,
        period: `Hồ sơ ${dossier.code}`,
        issuedAt: atOf(ctx.clock.now()),
        rows: [
          {
            index: 1,
            dossierCode: dossier.code,
            summary: dossier.summary,
            sets: 1,
            applicantName: applicant.name,
            address: applicant.address,
            ...(applicant.phone ? { phone: applicant.phone } : {}),
            receivedAt: day(dossier.receivedAt) ?? '',
            appointment: day(dossier.dueAt) ?? '',
            ...(dossier.returnedAt ? { returnedAt: day(dossier.returnedAt) } : {}),
            receiver: received?.actorName ?? '',
          },
        ],
      };
    }
  }
};

type DossierEventRecord = Awaited<ReturnType<typeof listDossierEvents>>[number];

/**
 * The forms that are records once handed to the applicant, and the actions that issue each. Their
 * PDF is stored when issued and every reprint returns those bytes (Circular 01/2018/TT-VPCP Art. 19:
 * the receipt is the applicant's proof of what was received and of the appointment). The control
 * slip and the tracking book are working documents that grow with the dossier: drawn afresh.
 */
const ISSUING_ACTIONS: Record<IssuedFormName, readonly string[]> = {
  receipt: ['receive'],
  supplement_request: ['request_intake_supplement', 'request_supplement'],
  refusal: ['refuse'],
  apology: ['apologize'],
  stop_notice: ['stop'],
};

const isIssuedForm = (form: DossierFormName): form is IssuedFormName => form in ISSUING_ACTIONS;

/** The issued form an event produced, if it produced one. */
const issuedFormOf = (event: DossierEventRecord): IssuedFormName | undefined =>
  (Object.keys(ISSUING_ACTIONS) as IssuedFormName[]).find((form) => ISSUING_ACTIONS[form].includes(event.action));

const readStored = async (ctx: AppContext, sha256: string): Promise<Buffer | undefined> => {
  const stream = await ctx.storage.open(sha256);
  if (!stream) {
    return undefined;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

/**
 * The PDF a dossier event issued: the stored bytes when it was stored, otherwise drawn now from that
 * event, stored content-addressed with its hash and recorded. Two writers racing (the issuing job and
 * a first print) both render; the first record wins and both answer its bytes.
 */
const getIssuedFormPdf = async (
  ctx: AppContext,
  dossier: DossierRecord,
  form: IssuedFormName,
  event: DossierEventRecord,
): Promise<{ pdf: Buffer; sha256: string }> => {
  const key = { dossierId: dossier.id, form, eventSeq: event.seq };
  const stored = await findIssuedForm(ctx.db, key);
  if (stored) {
    const bytes = await readStored(ctx, stored.fileSha256);
    if (!bytes) {
      throw new Error(`issued form ${stored.fileSha256} is missing from the file store`);
    }
    return { pdf: bytes, sha256: stored.fileSha256 };
  }
  const pdf = await renderForm(await buildDossierForm(ctx, dossier, form, event));
  const { sha256, size } = await ctx.storage.put(pdf);
  await insertIssuedForm(ctx.db, {
    ...key,
    provinceCode: dossier.provinceCode,
    fileSha256: sha256,
    sizeBytes: size,
    issuedAt: event.at,
  });
  const recorded = await findIssuedForm(ctx.db, key);
  if (recorded && recorded.fileSha256 !== sha256) {
    const first = await readStored(ctx, recorded.fileSha256);
    if (first) {
      return { pdf: first, sha256: recorded.fileSha256 };
    }
  }
  return { pdf, sha256 };
};

/**
 * Stores the form a dossier event issued (run after the event commits, from the outbox). Does
 * nothing for an event that issues no form, and nothing more when the form is already stored.
 */
export const storeIssuedForm = async (
  ctx: AppContext,
  input: { dossierId: string; seq: number },
): Promise<{ form: IssuedFormName; sha256: string } | undefined> => {
  const dossier = await findDossierById(ctx.db, input.dossierId);
  if (!dossier) {
    return undefined;
  }
  const event = (await listDossierEvents(ctx.db, dossier.id)).find((e) => e.seq === input.seq);
  const form = event ? issuedFormOf(event) : undefined;
  if (!event || !form) {
    return undefined;
  }
  const { sha256 } = await getIssuedFormPdf(ctx, dossier, form, event);
  return { form, sha256 };
};

/**
 * Renders a printed form of a dossier the caller may read. A form that is a record (receipt,
 * supplement request, refusal, apology, stop notice) comes back byte for byte as it was issued.
 */
export const renderDossierForm = async (ctx: AppContext, actor: Actor, code: string, form: DossierFormName) => {
  const { dossier } = await getReadableDossier(ctx, actor, code);
  if (isIssuedForm(form)) {
    const events = await listDossierEvents(ctx.db, dossier.id);
    const event = [...events].reverse().find((e) => ISSUING_ACTIONS[form].includes(e.action));
    if (!event) {
      throw notAvailable(form);
    }
    return (await getIssuedFormPdf(ctx, dossier, form, event)).pdf;
  }
  return renderForm(await buildDossierForm(ctx, dossier, form));
};
