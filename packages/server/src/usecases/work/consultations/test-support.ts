import { findUserCredentials, listConsultationComments } from '@motcua/db';
import type { TestApp } from '../../../testing/test-app.js';
import { loadOfficial } from '../../auth/resolve-actor.js';
import {
  answerConsultation,
  closeConsultation,
  createConsultation,
  openConsultation,
  uploadConsultationDraft,
} from './consultation-steps.js';

const officialNamed = async (t: TestApp, username: string) => {
  const user = await findUserCredentials(t.database.db, username);
  const actor = user ? await loadOfficial(t.ctx, user.id, 'session') : undefined;
  if (!actor) {
    throw new Error(`no official ${username}`);
  }
  return actor;
};

/**
 * A consultation for the tests, taken through the real steps to `stage`: created by `drafter` at `agencyId`,
 * sent to `recipients`; 'commented' has the first recipient (answered by `answerer`) comment on Điều 2.
 */
export const seedTestConsultation = async (
  t: TestApp,
  input: {
    drafter: string;
    agencyId: string;
    recipients: { agencyId?: string; userId?: string }[];
    stage: 'draft' | 'open' | 'commented' | 'closed';
    answerer?: string;
    deadlineAt?: Date;
  },
): Promise<{ id: string; version: number; commentId: string | null }> => {
  const drafter = await officialNamed(t, input.drafter);
  const draftFile = await uploadConsultationDraft(t.ctx, drafter, {
    content: Buffer.from('%PDF-1.4\n% du thao\n'),
    fileName: 'du-thao.pdf',
  });
  let row = await createConsultation(t.ctx, drafter, {
    agencyId: input.agencyId,
    title: 'Dự thảo kiểm thử',
    deadlineAt: input.deadlineAt ?? new Date(t.ctx.clock.now().getTime() + 30 * 86_400_000),
    draftFile,
    recipients: input.recipients,
  });
  if (input.stage !== 'draft') {
    row = await openConsultation(t.ctx, drafter, { id: row.id, expectedVersion: row.version });
  }
  let commentId: string | null = null;
  if (input.stage === 'commented' && input.answerer) {
    row = await answerConsultation(t.ctx, await officialNamed(t, input.answerer), {
      id: row.id,
      agree: false,
      comments: [{ articleRef: 'Điều 2', body: 'Đề nghị sửa Điều 2.' }],
    });
    commentId = (await listConsultationComments(t.database.db, row.id))[0]?.id ?? null;
  }
  if (input.stage === 'closed') {
    row = await closeConsultation(t.ctx, drafter, { id: row.id, expectedVersion: row.version });
  }
  return { id: row.id, version: row.version, commentId };
};
