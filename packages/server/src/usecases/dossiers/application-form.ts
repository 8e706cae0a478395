import { createHash } from 'node:crypto';
import {
  type Database,
  type DossierRecord,
  findAgency,
  findDossierApplicationForm,
  findProcedureVersion,
  listCommunesInForce,
} from '@motcua/db';
import {
  buildFormValuesSchema,
  canonicalizeJson,
  type FormDefinition,
  type FormValues,
  formatInstant,
  listFormCommunes,
  pruneHiddenValues,
  toLocalDate,
} from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError, type FieldProblem } from '../../errors/app-error.js';
import type { Language } from '../../errors/problem.js';
import { FIELD_MESSAGES, fieldProblemCodeOf, formatValidationIssue } from '../../errors/validation-messages.js';
import { renderApplicationForm } from '../../pdf/render-application-form.js';
import { getReadableDossier } from './dossier-access.js';

const APPLICATION_FORM = { vi: 'tờ khai', en: 'application form' } as const;

/**
 * The filled application form (tờ khai as data, eForms) of a dossier: checking it, storing it with the
 * dossier, and reading it back with the definition of the dossier's procedure version.
 */

/** What is stored with a new dossier: the pruned values of the version's form. */
export type FilledApplicationForm = { formKey: string; procedureVersionId: string; values: FormValues };

const pointerOf = (base: string, path: readonly PropertyKey[]) =>
  `${base}${path.map((part) => `/${String(part)}`).join('')}`;

/**
 * Problems of the communes the form's addresses name: each must be a commune in force on `at` (the
 * administrative units since 1 July 2025). `base` is the pointer of the form in the request body.
 */
export const checkFormCommunes = async (
  db: Kysely<Database>,
  input: { definition: FormDefinition; values: FormValues; at: string; base: string; language: Language },
): Promise<FieldProblem[]> => {
  const references = listFormCommunes(input.definition, input.values);
  const known = new Set(
    (await listCommunesInForce(db, { codes: [...new Set(references.map((r) => r.communeCode))], at: input.at })).map(
      (c) => c.code,
    ),
  );
  return references
    .filter((reference) => !known.has(reference.communeCode))
    .map((reference) => ({
      in: 'body',
      pointer: pointerOf(input.base, reference.path),
      code: 'ADMIN_UNIT_UNKNOWN',
      message: FIELD_MESSAGES.ADMIN_UNIT_UNKNOWN?.[input.language] ?? 'ADMIN_UNIT_UNKNOWN',
    }));
};

/**
 * Checks the values of a filled form against the definition (the schema built from it, `today` the
 * Vietnam date for dates that may not lie in the future) and the communes against the reference data;
 * answers the values to store (hidden and empty fields pruned) or the problems, pointed under `base`.
 */
export const checkFilledForm = async (
  db: Kysely<Database>,
  input: { definition: FormDefinition; values: unknown; today: string; base: string; language: Language },
): Promise<{ ok: true; values: FormValues } | { ok: false; problems: FieldProblem[] }> => {
  const parsed = buildFormValuesSchema(input.definition, { today: input.today }).safeParse(input.values ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        in: 'body',
        pointer: pointerOf(input.base, issue.path),
        code: fieldProblemCodeOf(issue as unknown as { code: string }),
        message: formatValidationIssue(issue as unknown as { code: string }, input.language),
      })),
    };
  }
  const values = pruneHiddenValues(input.definition, parsed.data as FormValues);
  const problems = await checkFormCommunes(db, { ...input, values, at: input.today });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
};

/**
 * What the dossier's first event records of its filled form: the form's key and the SHA-256 of its
 * canonical values, so the hash-chained history vouches for the stored form (audit verify can compare).
 */
export const describeFilledFormForEvent = (form: FilledApplicationForm | undefined) =>
  form
    ? {
        applicationForm: {
          key: form.formKey,
          sha256: createHash('sha256').update(canonicalizeJson(form.values)).digest('hex'),
        },
      }
    : {};

/**
 * The filled form of a dossier with the definition it answers — the form of the dossier's own procedure
 * version, so a dossier in flight keeps the form it was submitted with after a new version is published —
 * or undefined when the dossier has none.
 */
export const findFilledApplicationForm = async (ctx: AppContext, dossier: Pick<DossierRecord, 'id'>) => {
  const row = await findDossierApplicationForm(ctx.db, dossier.id);
  if (!row) {
    return undefined;
  }
  const version = await findProcedureVersion(ctx.db, row.procedureVersionId);
  const definition = version?.content.applicationForm;
  if (!version || !definition) {
    return undefined;
  }
  return { definition, values: row.formValues as FormValues, version, submittedAt: row.createdAt };
};

/** The lower-case start of a unit's name inside a phrase: "Xã Tân Hưng" → "xã Tân Hưng". */
const inPhrase = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/** The places the form's addresses name, written in full ("xã X, tỉnh Y"), by commune code (for the PDF). */
export const describeFormPlaces = async (
  db: Kysely<Database>,
  input: { definition: FormDefinition; values: FormValues; at: string },
): Promise<Record<string, string>> => {
  const codes = [...new Set(listFormCommunes(input.definition, input.values).map((r) => r.communeCode))];
  const communes = await listCommunesInForce(db, { codes, at: input.at });
  return Object.fromEntries(communes.map((c) => [c.code, `${inPhrase(c.name)}, ${inPhrase(c.provinceName)}`]));
};

/**
 * The filled form as a dossier view shows it (officials' and the citizen's), with the URL of its PDF and
 * the places its addresses name, written as the PDF writes them.
 */
export const describeFilledApplicationForm = async (
  ctx: AppContext,
  dossier: Pick<DossierRecord, 'id'>,
  pdfUrl: string,
) => {
  const filled = await findFilledApplicationForm(ctx, dossier);
  if (!filled) {
    return null;
  }
  const places = await describeFormPlaces(ctx.db, {
    definition: filled.definition,
    values: filled.values,
    at: toLocalDate(filled.submittedAt.getTime()),
  });
  return { definition: filled.definition, values: filled.values, pdfUrl, places };
};

/**
 * The printed tờ khai (PDF) of a dossier's filled form: the definition of its procedure version, the
 * values, addressed to the receiving agency, the places written in full as they were named when it was
 * submitted. 404 when the dossier has no filled form. The caller has checked who may read the dossier.
 */
export const renderDossierApplicationForm = async (
  ctx: AppContext,
  dossier: Pick<DossierRecord, 'id' | 'code' | 'procedureName' | 'receivingAgencyId'>,
): Promise<Buffer> => {
  const filled = await findFilledApplicationForm(ctx, dossier);
  if (!filled) {
    throw new AppError('NOT_FOUND', { resource: APPLICATION_FORM });
  }
  const agency = await findAgency(ctx.db, dossier.receivingAgencyId);
  const submittedAt = filled.submittedAt.getTime();
  const places = await describeFormPlaces(ctx.db, {
    definition: filled.definition,
    values: filled.values,
    at: toLocalDate(submittedAt),
  });
  return renderApplicationForm({
    definition: filled.definition,
    values: filled.values,
    procedureName: dossier.procedureName,
    agencyName: agency?.name ?? '',
    dossierCode: dossier.code,
    submittedAt: formatInstant(submittedAt),
    places,
  });
};

/** The printed tờ khai of a dossier for an official who may read the dossier (the dossier detail's rule). */
export const renderOfficialApplicationForm = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier } = await getReadableDossier(ctx, actor, code);
  return renderDossierApplicationForm(ctx, dossier);
};
