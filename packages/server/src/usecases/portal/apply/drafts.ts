import {
  countUploads,
  type DraftRecord,
  deleteOpenDraft,
  deletePendingUpload,
  findCitizen,
  findCitizenDraft,
  findCitizenUpload,
  findDossierById,
  findProcedure,
  findProcedureVersion,
  insertDraft,
  insertUpload,
  listCitizenDrafts,
  listDraftUploads,
  updateDraftGuarded,
} from '@motcua/db';
import {
  buildOnlineApplicationSchema,
  describeOnlineForm,
  type FormValues,
  MAX_FILES_PER_COMPONENT,
  pruneHiddenValues,
  toLocalDate,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError, type FieldProblem } from '../../../errors/app-error.js';
import type { Language } from '../../../errors/problem.js';
import { fieldProblemCodeOf, formatValidationIssue } from '../../../errors/validation-messages.js';
import { checkFormCommunes } from '../../dossiers/application-form.js';
import { requireCitizen } from '../account/citizen-session.js';
import { iso } from '../citizen-dossier.js';
import { checkAndStoreFile, describeUpload, type UploadedFile } from '../uploads.js';

export const DRAFT = { vi: 'bản nháp hồ sơ', en: 'draft' } as const;
export const UPLOAD = { vi: 'tệp đính kèm', en: 'upload' } as const;
const PROCEDURE = { vi: 'thủ tục hành chính', en: 'procedure' } as const;

/** A published procedure of a province catalog, with its current version, open to online submission. */
export const loadOnlineProcedure = async (ctx: AppContext, input: { catalog: string; code: string }) => {
  const procedure = await findProcedure(ctx.db, input);
  if (procedure?.status !== 'active' || !procedure.currentVersionId) {
    throw new AppError('NOT_FOUND', { resource: PROCEDURE });
  }
  const version = await findProcedureVersion(ctx.db, procedure.currentVersionId);
  if (!version) {
    throw new AppError('NOT_FOUND', { resource: PROCEDURE });
  }
  if (version.content.onlineLevel === 'none') {
    throw new AppError('ONLINE_SUBMISSION_UNAVAILABLE', { code: procedure.code });
  }
  return { procedure, version };
};

/**
 * Validation problems of an application against the form of a procedure version (pointers under /data):
 * the schema built from the version (its application form's with today's Vietnam date), then the
 * communes the form's addresses name, which must exist in the administrative units in force. When valid,
 * `form` holds the filled form's values to store (hidden and empty fields pruned).
 */
export const checkApplication = async (
  ctx: AppContext,
  content: Parameters<typeof buildOnlineApplicationSchema>[0],
  data: unknown,
  language: Language,
) => {
  const today = toLocalDate(ctx.clock.now().getTime());
  const parsed = buildOnlineApplicationSchema(content, { today }).safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      in: 'body',
      pointer: `/data${issue.path.map((part) => `/${String(part)}`).join('')}`,
      code: fieldProblemCodeOf(issue as unknown as { code: string }),
      message: formatValidationIssue(issue as unknown as { code: string }, language),
    }));
    return { ok: false as const, data: undefined, form: undefined, problems };
  }
  const definition = content.applicationForm;
  const form = definition ? pruneHiddenValues(definition, (parsed.data.form ?? {}) as FormValues) : undefined;
  const problems =
    definition && form
      ? await checkFormCommunes(ctx.db, { definition, values: form, at: today, base: '/data/form', language })
      : [];
  if (problems.length > 0) {
    return { ok: false as const, data: undefined, form: undefined, problems };
  }
  return { ok: true as const, data: parsed.data, form, problems: [] as FieldProblem[] };
};

const draftView = async (ctx: AppContext, draft: DraftRecord, language: Language) => {
  const version = await findProcedureVersion(ctx.db, draft.procedureVersionId);
  const uploads = await listDraftUploads(ctx.db, draft.id);
  const check = version ? await checkApplication(ctx, version.content, draft.data, language) : undefined;
  return {
    id: draft.id,
    status: draft.status,
    catalog: draft.provinceCode,
    procedure: { code: draft.procedureCode, name: draft.procedureName },
    data: draft.data,
    uploads: uploads.map((u) => ({
      id: u.id,
      componentKey: u.componentKey,
      fileName: u.fileName,
      mediaType: u.mediaType,
      sizeBytes: u.sizeBytes,
      sha256: u.fileSha256,
      createdAt: iso(u.createdAt),
    })),
    // What is still missing or wrong, so the form can say so before the citizen submits.
    problems: check?.problems ?? [],
    form: version ? describeOnlineForm(version.content) : null,
    dossierCode: null as string | null,
    version: draft.version,
    createdAt: iso(draft.createdAt),
    updatedAt: iso(draft.updatedAt),
  };
};

/** The citizen's profile as the applicant block of a new application (prefill; the citizen may change it). */
const prefillApplicant = (citizen: NonNullable<Awaited<ReturnType<typeof findCitizen>>>) => ({
  kind: 'person',
  fullName: citizen.fullName,
  ...(citizen.idNumber ? { idNumber: citizen.idNumber } : {}),
  ...(citizen.dateOfBirth ? { dateOfBirth: citizen.dateOfBirth } : {}),
  address: {
    ...(citizen.address ? { text: citizen.address } : {}),
    ...(citizen.communeCode ? { communeCode: citizen.communeCode } : {}),
  },
  ...(citizen.phone ? { phone: citizen.phone } : {}),
  ...(citizen.email ? { email: citizen.email } : {}),
});

export const startDraft = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    catalog: string;
    procedureCode: string;
    data?: Record<string, unknown> | undefined;
    /** The province of the portal the citizen is on: an application there goes to that province's agencies only. */
    siteProvinceCode?: string | undefined;
  },
  language: Language,
) => {
  const { citizenId } = requireCitizen(actor);
  if (
    input.siteProvinceCode !== undefined &&
    /^\d{2}$/.test(input.catalog) &&
    input.catalog !== input.siteProvinceCode
  ) {
    throw new AppError('SUBMISSION_OTHER_PROVINCE', { province: input.catalog });
  }
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen) {
    throw new AppError('UNAUTHENTICATED');
  }
  const { procedure, version } = await loadOnlineProcedure(ctx, { catalog: input.catalog, code: input.procedureCode });
  if (procedure.catalog === 'national') {
    // Dossiers are received by a province's agencies under the province's catalog.
    throw new AppError('ONLINE_SUBMISSION_UNAVAILABLE', { code: procedure.code });
  }
  const draft = await insertDraft(ctx.db, {
    citizenId,
    provinceCode: procedure.catalog,
    procedureId: procedure.id,
    procedureVersionId: version.id,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    data: JSON.stringify(input.data ?? { applicant: prefillApplicant(citizen), resultDelivery: 'online' }),
    now: ctx.clock.now(),
  });
  return draftView(ctx, draft, language);
};

export const getCitizenDraft = async (ctx: AppContext, actor: Actor, id: string) => {
  const { citizenId } = requireCitizen(actor);
  const draft = await findCitizenDraft(ctx.db, { id, citizenId });
  if (!draft) {
    throw new AppError('NOT_FOUND', { resource: DRAFT });
  }
  return draft;
};

export const viewDraft = async (ctx: AppContext, actor: Actor, id: string, language: Language) => {
  const draft = await getCitizenDraft(ctx, actor, id);
  const view = await draftView(ctx, draft, language);
  if (draft.dossierId) {
    const dossier = await findDossierById(ctx.db, draft.dossierId);
    view.dossierCode = dossier?.code ?? null;
  }
  return view;
};

export const findDrafts = async (
  ctx: AppContext,
  actor: Actor,
  input: { status?: 'open' | 'submitted' | undefined; limit: number },
) => {
  const { citizenId } = requireCitizen(actor);
  const drafts = await listCitizenDrafts(ctx.db, {
    citizenId,
    ...(input.status ? { status: input.status } : {}),
    limit: input.limit,
  });
  return drafts.map((d) => ({
    id: d.id,
    status: d.status,
    catalog: d.provinceCode,
    procedure: { code: d.procedureCode, name: d.procedureName },
    version: d.version,
    updatedAt: iso(d.updatedAt),
  }));
};

/** Saves what the citizen typed so far (not validated for completeness; `problems` lists what is left). */
export const saveDraft = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; data: Record<string, unknown> },
  language: Language,
) => {
  const draft = await getCitizenDraft(ctx, actor, input.id);
  if (draft.status !== 'open') {
    throw new AppError('DRAFT_NOT_OPEN');
  }
  const saved = await updateDraftGuarded(ctx.db, {
    id: draft.id,
    citizenId: draft.citizenId,
    expectedVersion: input.expectedVersion,
    changes: { data: JSON.stringify(input.data) },
    now: ctx.clock.now(),
  });
  if (!saved) {
    throw new AppError('VERSION_CONFLICT', { current: draft.version, sent: input.expectedVersion });
  }
  return draftView(ctx, saved, language);
};

export const discardDraft = async (ctx: AppContext, actor: Actor, id: string): Promise<void> => {
  const draft = await getCitizenDraft(ctx, actor, id);
  if (draft.status !== 'open') {
    throw new AppError('DRAFT_NOT_OPEN');
  }
  await deleteOpenDraft(ctx.db, { id: draft.id, citizenId: draft.citizenId });
};

/** Adds a file to a component of an open draft. */
export const addDraftUpload = async (
  ctx: AppContext,
  actor: Actor,
  input: { draftId: string; componentKey: string; file: UploadedFile },
) => {
  const draft = await getCitizenDraft(ctx, actor, input.draftId);
  if (draft.status !== 'open') {
    throw new AppError('DRAFT_NOT_OPEN');
  }
  const version = await findProcedureVersion(ctx.db, draft.procedureVersionId);
  const component = version?.content.components.find((c) => c.key === input.componentKey && c.group === 'submit');
  if (!component) {
    throw new AppError('UNKNOWN_COMPONENT', { key: input.componentKey });
  }
  if ((await countUploads(ctx.db, { draftId: draft.id, componentKey: component.key })) >= MAX_FILES_PER_COMPONENT) {
    throw new AppError('UPLOAD_LIMIT_REACHED', { max: MAX_FILES_PER_COMPONENT });
  }
  const stored = await checkAndStoreFile(ctx, input.file);
  const upload = await insertUpload(ctx.db, {
    citizenId: draft.citizenId,
    draftId: draft.id,
    dossierId: null,
    componentKey: component.key,
    fileName: stored.fileName,
    fileSha256: stored.sha256,
    mediaType: stored.mediaType as 'application/pdf' | 'image/jpeg' | 'image/png',
    sizeBytes: stored.size,
    now: ctx.clock.now(),
  });
  return describeUpload(upload);
};

/** Removes a file not yet sent (from a draft, or from a supplement in preparation). */
export const removeUpload = async (ctx: AppContext, actor: Actor, id: string): Promise<void> => {
  const { citizenId } = requireCitizen(actor);
  const upload = await findCitizenUpload(ctx.db, { id, citizenId });
  if (!upload || upload.documentId !== null) {
    throw new AppError('NOT_FOUND', { resource: UPLOAD });
  }
  if (upload.draftId) {
    const draft = await findCitizenDraft(ctx.db, { id: upload.draftId, citizenId });
    if (draft?.status !== 'open') {
      throw new AppError('DRAFT_NOT_OPEN');
    }
  }
  await deletePendingUpload(ctx.db, { id, citizenId });
};

/** A file the citizen uploaded (to read it back), theirs only. */
export const getCitizenUpload = async (ctx: AppContext, actor: Actor, id: string) => {
  const { citizenId } = requireCitizen(actor);
  const upload = await findCitizenUpload(ctx.db, { id, citizenId });
  if (!upload) {
    throw new AppError('NOT_FOUND', { resource: UPLOAD });
  }
  return upload;
};
