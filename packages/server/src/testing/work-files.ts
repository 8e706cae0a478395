/**
 * Work-file fixtures for tests (the authorisation matrix): a confidential work file of an official, holding
 * one uploaded file, and entries of an agency's file list — made through the use-cases, as the official.
 */
import { insertFileListEntry } from '@motcua/db';
import type { AppContext } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { samplePdf } from '../usecases/portal/test-support.js';
import { addWorkFileItem, openWorkFile } from '../usecases/work/files/change-work-file.js';
import { getWorkFile } from '../usecases/work/files/read-work-files.js';

/** Opens a confidential file owned by `ownerUserId` in `agencyId` and uploads a PDF into it. */
export const seedTestWorkFile = async (ctx: AppContext, input: { ownerUserId: string; agencyId: string }) => {
  const owner = await loadOfficial(ctx, input.ownerUserId, 'session');
  if (!owner) {
    throw new Error('the work file owner cannot act');
  }
  const opened = await openWorkFile(ctx, owner, {
    agencyId: input.agencyId,
    title: 'Hồ sơ thử ma trận quyền',
    retentionYears: 5,
    confidential: true,
  });
  await addWorkFileItem(ctx, owner, {
    id: opened.id,
    expectedVersion: opened.version,
    item: { kind: 'file', file: { content: samplePdf('ho-so-ma-tran'), fileName: 'bien-ban.pdf' } },
  });
  const file = await getWorkFile(ctx, owner, opened.id);
  return { workFileId: opened.id, itemId: file.items[0]?.id ?? '' };
};

/** A fresh entry of an agency's file list of a year (a new code each call). */
export const seedTestFileListEntry = async (
  ctx: AppContext,
  input: { agencyId: string; provinceCode: string; year: number; code: string },
) => {
  const row = await insertFileListEntry(ctx.db, {
    agencyId: input.agencyId,
    provinceCode: input.provinceCode,
    year: input.year,
    code: input.code,
    title: `Hồ sơ thử ${input.code}`,
    retentionYears: 10,
    responsibleAgencyId: null,
  });
  return row.id;
};
