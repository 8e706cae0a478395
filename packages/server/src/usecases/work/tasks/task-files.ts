import { createHmac, timingSafeEqual } from 'node:crypto';
import { listTaskProgress } from '@motcua/db';
import type { Actor } from '../../../auth/actor.js';
import { getInstallationSecret } from '../../../auth/installation-secret.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { checkAndStoreFile, type UploadedFile } from '../../portal/uploads.js';
import { getReadableTask, TASK } from './task-access.js';

/** A file as a progress row stores it (task_progress.attachments). */
type StoredFile = { sha256: string; name: string; size: number; contentType: string };

/** A file a progress report names: uploaded first (the upload answers its token), then named by the report. */
export type TaskFileInput = { sha256: string; fileName: string; sizeBytes: number; mediaType: string; token: string };

/**
 * The proof that a file was uploaded for a task (HMAC of the installation secret, as the e-office scans):
 * a report names its files by this token, so nobody attaches to their task a file stored for another.
 */
const taskFileToken = (secret: string, taskId: string, file: Omit<TaskFileInput, 'token'>) =>
  createHmac('sha256', secret)
    .update(`task-file:${taskId}:${file.sha256}:${file.sizeBytes}:${file.mediaType}:${file.fileName}`)
    .digest('base64url');

/** Stores a file for a progress report (type read from the content, scanned, content-addressed); an assignee. */
export const uploadTaskFile = async (ctx: AppContext, actor: Actor, input: { taskId: string; file: UploadedFile }) => {
  const { task } = await getReadableTask(ctx, actor, input.taskId);
  const stored = await checkAndStoreFile(ctx, input.file);
  const file = {
    sha256: stored.sha256,
    fileName: stored.fileName,
    sizeBytes: stored.size,
    mediaType: stored.mediaType,
  };
  return { ...file, token: taskFileToken(await getInstallationSecret(ctx), task.id, file) };
};

/** Checks the tokens of the files a report names; answers them as the progress row stores them. */
export const checkTaskFiles = async (
  ctx: AppContext,
  taskId: string,
  files: readonly TaskFileInput[],
): Promise<StoredFile[]> => {
  const secret = await getInstallationSecret(ctx);
  return files.map((file) => {
    const expected = Buffer.from(taskFileToken(secret, taskId, file));
    const given = Buffer.from(file.token);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new AppError('TASK_INPUT_INVALID', { reason: 'file' });
    }
    return { sha256: file.sha256, name: file.fileName, size: file.sizeBytes, contentType: file.mediaType };
  });
};

/** A file of a progress report of a task the caller may read. */
export const getTaskFile = async (ctx: AppContext, actor: Actor, input: { taskId: string; sha256: string }) => {
  await getReadableTask(ctx, actor, input.taskId);
  for (const report of await listTaskProgress(ctx.db, input.taskId)) {
    const file = (report.attachments as StoredFile[]).find((entry) => entry.sha256 === input.sha256);
    if (file) {
      return { sha256: file.sha256, mediaType: file.contentType, fileName: file.name };
    }
  }
  throw new AppError('NOT_FOUND', { resource: TASK });
};
