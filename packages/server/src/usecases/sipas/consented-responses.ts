import { findSipasQuestionnaire, listSipasConsentedResponses } from '@motcua/db';
import { LIKERT_LEVELS, listQuestions, NO_ANSWER, NO_ANSWER_LABEL, QuestionnaireDefinition } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getReadableCampaign } from './campaigns.js';

/** An answer in words, as the respondent chose it (the scale's label, the options' labels, the text). */
const answerText = (
  question: ReturnType<typeof listQuestions>[number]['question'],
  value: unknown,
): string | undefined => {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (value === NO_ANSWER) {
    return NO_ANSWER_LABEL.vi;
  }
  if (question.type === 'likert5') {
    return LIKERT_LEVELS[Number(value) as keyof typeof LIKERT_LEVELS]?.vi ?? String(value);
  }
  const label = (key: unknown) => question.options?.find((o) => o.key === key)?.vi ?? String(key);
  return Array.isArray(value) ? value.map(label).join('; ') : question.options ? label(value) : String(value);
};

/**
 * The responses whose respondents agreed to be identified (issue 18 item 6: "answers are anonymous to
 * officials unless the respondent agrees otherwise"), with the contact they gave and their answers in words,
 * for the campaign's readers (an agency's readers: their agencies only). Every other response stays in the
 * counts only. Keyset-paginated on the response id.
 */
export const listSipasConsentedResponsesOf = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; limit: number; cursor?: string | undefined },
) => {
  const { campaign, scope } = await getReadableCampaign(ctx, actor, input.id);
  if (input.cursor !== undefined && !/^[0-9a-f-]{36}$/.test(input.cursor)) {
    throw new AppError('REPORT_CURSOR_INVALID');
  }
  const questionnaire = await findSipasQuestionnaire(ctx.db, campaign.questionnaireId);
  const questions = questionnaire ? listQuestions(QuestionnaireDefinition.parse(questionnaire.definition)) : [];
  const rows = await listSipasConsentedResponses(ctx.reader, {
    campaignId: campaign.id,
    afterId: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const items = [];
  for (const row of page) {
    if (!(await scope.allows(row.agencyId))) {
      continue;
    }
    items.push({
      id: row.id,
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      mode: row.mode as 'online' | 'paper' | 'phone',
      answeredOn: String(row.answeredOn),
      contact: {
        name: row.contact.name,
        ...(row.contact.phone ? { phone: row.contact.phone } : {}),
        ...(row.contact.email ? { email: row.contact.email } : {}),
      } as { name: string; phone?: string; email?: string },
      answers: questions.flatMap(({ question }) => {
        const text = answerText(question, row.answers[question.key]);
        return text === undefined ? [] : [{ key: question.key, question: question.vi, answer: text }];
      }),
    });
  }
  return { items, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
};
