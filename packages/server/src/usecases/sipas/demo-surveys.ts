import {
  findAppSetting,
  insertAppSettingIfMissing,
  insertSipasCampaign,
  insertSipasResponse,
  listOpenSipasInvitations,
  updateSipasCampaign,
  useSipasInvitation,
} from '@motcua/db';
import {
  addDays,
  createSeededRandom,
  DEFAULT_INDEX_SETTINGS,
  DEFAULT_MARGIN_BP,
  listQuestions,
  QuestionnaireDefinition,
  type SurveyAnswers,
  toLocalDate,
} from '@motcua/domain';
import { getInstallationSecret } from '../../auth/installation-secret.js';
import type { AppContext } from '../../context.js';
import { freezePublication, freezeSample } from './campaigns.js';
import { ensureDefaultQuestionnaire } from './questionnaires.js';

/** Its own marker: an installation whose demo was seeded before surveys existed gets them on the next start. */
const DEMO_SIPAS_KEY = 'demo.sipas';

/**
 * Answers of a demo respondent: mostly satisfied (about 85 % "Hài lòng"/"Rất hài lòng", as provinces
 * publish), some neutral or dissatisfied, a few "not applicable" on the feedback questions. Demo only.
 */
const demoAnswers = (definition: QuestionnaireDefinition, random: () => number): SurveyAnswers => {
  const answers: SurveyAnswers = {};
  for (const { question, factorKey } of listQuestions(definition)) {
    if (question.type === 'likert5') {
      const r = random();
      answers[question.key] =
        factorKey === 'feedback' && r < 0.3
          ? 'no_answer'
          : r < 0.45
            ? 5
            : r < 0.86
              ? 4
              : r < 0.95
                ? 3
                : r < 0.98
                  ? 2
                  : 1;
    } else if (question.type === 'single_choice' && question.options) {
      answers[question.key] = question.options[Math.floor(random() * question.options.length)]?.key ?? '';
    }
  }
  return answers;
};

const answerShare = async (
  ctx: AppContext,
  campaign: { id: string; provinceCode: string },
  definition: QuestionnaireDefinition,
  input: { share: number; seed: string; days: readonly string[]; surveyorId: string | null },
) => {
  const random = createSeededRandom(input.seed);
  const invitations = await listOpenSipasInvitations(ctx.db, { campaignId: campaign.id, limit: 100_000 });
  let online = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const invitation of invitations) {
      if (random() >= input.share) {
        continue;
      }
      // Paper and phone answers are entered by the demo surveyor (online only without one).
      const pick = random();
      const mode = pick < 0.8 || !input.surveyorId ? 'online' : pick < 0.9 ? 'paper' : 'phone';
      await useSipasInvitation(trx, { id: invitation.id, at: ctx.clock.now(), usedBy: mode });
      await insertSipasResponse(trx, {
        campaignId: campaign.id,
        provinceCode: campaign.provinceCode,
        agencyId: invitation.agencyId,
        mode,
        enteredBy: mode === 'online' ? null : input.surveyorId,
        answeredOn: input.days[Math.floor(random() * input.days.length)] ?? toLocalDate(ctx.clock.now().getTime()),
        answers: demoAnswers(definition, random),
        // One online respondent in 25 agrees to be identified and contacted (the opt-in of the answer page).
        // Counted, not drawn: the seeded answers and so the demo's figures stay the same.
        contact:
          mode === 'online' && ++online % 25 === 0
            ? { name: `Người trả lời mẫu ${online / 25}`, phone: `0900000${String(online / 25).padStart(3, '0')}` }
            : null,
      });
    }
  });
};

/**
 * The demo's surveys, labelled demo: last year's campaign finished and published, and this year's in
 * progress (open, about a third answered). Both sample the demo's returned dossiers; without any (a
 * demo seeded without history) there is nothing to survey and nothing is written. Seeded once.
 */
export const seedDemoSurveys = async (
  ctx: AppContext,
  provinceCode: string,
  surveyorId: string | null = null,
): Promise<boolean> => {
  if (await findAppSetting(ctx.db, DEMO_SIPAS_KEY)) {
    return false;
  }
  const now = ctx.clock.now();
  const today = toLocalDate(now.getTime());
  const year = Number(today.slice(0, 4));
  const secret = await getInstallationSecret(ctx);
  const questionnaire = await ctx.db
    .transaction()
    .execute((trx) => ensureDefaultQuestionnaire(trx, { provinceCode, createdBy: null, isDemo: true }));
  const definition = QuestionnaireDefinition.parse(questionnaire.definition);
  const plans = [
    {
      year: year - 1,
      title: `Khảo sát sự hài lòng của người dân, tổ chức năm ${year - 1} (dữ liệu mẫu)`,
      periodFrom: `${year - 1}-01-01`,
      periodTo: `${year - 1}-12-31`,
      share: 0.72,
      publish: true,
    },
    {
      year,
      title: `Khảo sát sự hài lòng năm ${year}, đợt 1 (dữ liệu mẫu)`,
      periodFrom: `${year}-01-01`,
      periodTo: addDays(today, -90) < `${year}-01-01` ? `${year}-01-01` : addDays(today, -90),
      share: 0.35,
      publish: false,
    },
  ];
  let seeded = 0;
  for (const plan of plans) {
    // No returned dossier in the period: the campaign is not kept (the transaction rolls back).
    const campaign = await ctx.db
      .transaction()
      .execute(async (trx) => {
        const created = await insertSipasCampaign(trx, {
          provinceCode,
          year: plan.year,
          title: plan.title,
          questionnaireId: questionnaire.id,
          periodFrom: plan.periodFrom,
          periodTo: plan.periodTo,
          marginBp: DEFAULT_MARGIN_BP,
          indexSettings: DEFAULT_INDEX_SETTINGS,
          isDemo: true,
          createdBy: null,
        });
        return freezeSample(trx, created, { seed: `demo-${plan.year}`, secret, now });
      })
      .catch(() => undefined);
    if (!campaign) {
      continue;
    }
    const opened = await ctx.db.transaction().execute((trx) =>
      updateSipasCampaign(trx, {
        id: campaign.id,
        rowVersion: campaign.rowVersion,
        set: { status: 'open', openedAt: now },
      }),
    );
    if (!opened) {
      continue;
    }
    await answerShare(ctx, opened, definition, {
      share: plan.share,
      seed: `demo-answers-${plan.year}`,
      surveyorId,
      days: [addDays(plan.periodTo, 20), addDays(plan.periodTo, 35), addDays(plan.periodTo, 50)].filter(
        (d) => d <= today,
      ),
    });
    if (plan.publish) {
      await ctx.db.transaction().execute(async (trx) => {
        const closed = await updateSipasCampaign(trx, {
          id: opened.id,
          rowVersion: opened.rowVersion,
          set: { status: 'closed', closedAt: now },
        });
        if (closed) {
          await freezePublication(ctx, trx, closed, { userId: null, now });
        }
      });
    }
    seeded += 1;
  }
  await insertAppSettingIfMissing(ctx.db, DEMO_SIPAS_KEY, { seededAt: now.toISOString(), campaigns: seeded });
  return seeded > 0;
};
