import { calendarProblems } from './calendar.problems.js';
import { catalogProblems } from './catalog.problems.js';
import { catalogPullProblems } from './catalog-pull.problems.js';
import { consultationProblems } from './consultation.problems.js';
import type { ProblemDefinition } from './define.js';
import { dossierProblems } from './dossiers.problems.js';
import { evaluationProblems } from './evaluation.problems.js';
import { exchangeProblems } from './exchange.problems.js';
import { feesProblems } from './fees.problems.js';
import { foundationProblems } from './foundation.problems.js';
import { incomingDocumentProblems } from './incoming-documents.problems.js';
import { integrationProblems } from './integration.problems.js';
import { officialsProblems } from './officials.problems.js';
import { outgoingProblems } from './outgoing.problems.js';
import { paknProblems } from './pakn.problems.js';
import { parResultsProblems } from './par-results.problems.js';
import { parRoundProblems } from './par-rounds.problems.js';
import { parSetProblems } from './par-sets.problems.js';
import { portalProblems } from './portal.problems.js';
import { portalContentProblems } from './portal-content.problems.js';
import { portalDecisionProblems } from './portal-decisions.problems.js';
import { provinceProblems } from './provinces.problems.js';
import { reportProblems } from './reports.problems.js';
import { scheduleProblems } from './schedule.problems.js';
import { signingProblems } from './signing.problems.js';
import { sipasProblems } from './sipas.problems.js';
import { taskProblems } from './tasks.problems.js';
import { webhookProblems } from './webhooks.problems.js';
import { workFileProblems } from './work-files.problems.js';

/** Every problem type the API can answer with, by stable code. Areas add their own `*.problems.ts`. */
export const PROBLEM_CATALOG = {
  ...foundationProblems,
  ...officialsProblems,
  ...calendarProblems,
  ...dossierProblems,
  ...catalogProblems,
  ...portalProblems,
  ...feesProblems,
  ...reportProblems,
  ...parResultsProblems,
  ...parRoundProblems,
  ...parSetProblems,
  ...sipasProblems,
  ...paknProblems,
  ...exchangeProblems,
  ...outgoingProblems,
  ...consultationProblems,
  ...signingProblems,
  ...incomingDocumentProblems,
  ...scheduleProblems,
  ...taskProblems,
  ...workFileProblems,
  ...evaluationProblems,
  ...webhookProblems,
  ...catalogPullProblems,
  ...integrationProblems,
  ...portalContentProblems,
  ...portalDecisionProblems,
  ...provinceProblems,
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemCode = keyof typeof PROBLEM_CATALOG;

export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEM_CATALOG, code);
