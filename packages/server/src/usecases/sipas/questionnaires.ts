import {
  type Database,
  findSipasQuestionnaire,
  insertSipasQuestionnaireVersion,
  listLatestSipasQuestionnaires,
  type SipasQuestionnaireRecord,
} from '@motcua/db';
import { DEFAULT_QUESTIONNAIRE, QuestionnaireDefinition } from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { authorizeSipasOrganiser, authorizeSipasRead, QUESTIONNAIRE } from './sipas-access.js';

export const DEFAULT_QUESTIONNAIRE_CODE = 'default';

export const presentQuestionnaire = (record: SipasQuestionnaireRecord) => ({
  id: record.id,
  provinceCode: record.provinceCode,
  code: record.code,
  version: record.version,
  title: record.title,
  definition: QuestionnaireDefinition.parse(record.definition),
  isDemo: record.isDemo,
  createdAt: record.createdAt.toISOString(),
});

/**
 * Saves a questionnaire as the next version of its family: a saved version never changes, so the
 * campaigns that used it keep their questions.
 */
export const saveSipasQuestionnaire = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    provinceCode: string;
    code: string;
    definition: QuestionnaireDefinition;
    /**
     * The family's latest version the designer started from (0: a new questionnaire). When given, a save
     * over a newer version — or a "new" questionnaire whose code is taken — answers 409 instead of
     * silently adding a version on top of someone else's.
     */
    expectedVersion?: number | undefined;
  },
) => {
  const official = authorizeSipasOrganiser(actor, input.provinceCode);
  const record = await ctx.db.transaction().execute(async (trx) => {
    if (input.expectedVersion !== undefined) {
      const latest = (await listLatestSipasQuestionnaires(trx, input.provinceCode)).find((q) => q.code === input.code);
      const current = latest?.version ?? 0;
      if (current !== input.expectedVersion) {
        throw new AppError('VERSION_CONFLICT', { current, sent: input.expectedVersion });
      }
    }
    return insertSipasQuestionnaireVersion(trx, {
      provinceCode: input.provinceCode,
      code: input.code,
      title: input.definition.title,
      definition: input.definition,
      createdBy: official.userId,
    });
  });
  return presentQuestionnaire(record);
};

/** The latest version of each questionnaire of the province; the national default is offered when there is none. */
export const listSipasQuestionnaires = async (ctx: AppContext, actor: Actor, provinceCode: string) => {
  authorizeSipasRead(ctx, actor, provinceCode);
  const records = await listLatestSipasQuestionnaires(ctx.db, provinceCode);
  return { items: records.map(presentQuestionnaire), defaultDefinition: DEFAULT_QUESTIONNAIRE };
};

export const getSipasQuestionnaire = async (ctx: AppContext, actor: Actor, id: string) => {
  const record = await findSipasQuestionnaire(ctx.db, id);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: QUESTIONNAIRE });
  }
  authorizeSipasRead(ctx, actor, record.provinceCode);
  return presentQuestionnaire(record);
};

/** The province's default questionnaire (version 1 is the national default, created on first use). */
export const ensureDefaultQuestionnaire = async (
  trx: Transaction<Database>,
  input: { provinceCode: string; createdBy: string | null; isDemo?: boolean },
): Promise<SipasQuestionnaireRecord> => {
  const latest = (await listLatestSipasQuestionnaires(trx, input.provinceCode)).find(
    (q) => q.code === DEFAULT_QUESTIONNAIRE_CODE,
  );
  return (
    latest ??
    insertSipasQuestionnaireVersion(trx, {
      provinceCode: input.provinceCode,
      code: DEFAULT_QUESTIONNAIRE_CODE,
      title: DEFAULT_QUESTIONNAIRE.title,
      definition: DEFAULT_QUESTIONNAIRE,
      createdBy: input.createdBy,
      isDemo: input.isDemo ?? false,
    })
  );
};
