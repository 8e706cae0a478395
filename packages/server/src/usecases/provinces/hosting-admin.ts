import { insertUser } from '@motcua/db';
import { hashPassword } from '../../auth/passwords.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { buildProblem } from '../../errors/problem.js';
import { generateOneTimePassword } from './create-province.js';

/**
 * Creates a hosting-centre administrator (issue 22 item 4): an account of no province, app_user.hosting_admin,
 * that opens provinces and reads figures across them. Only the install's operator does this, from the command
 * line (`motcua hosting-admin create`, which checks the username's form); the one-time password is answered once and only its hash is stored.
 */
export const createHostingAdmin = async (
  ctx: AppContext,
  input: { username: string; fullName: string },
): Promise<{ id: string; username: string; fullName: string; oneTimePassword: string }> => {
  const username = input.username.trim().toLowerCase();
  const fullName = input.fullName.normalize('NFC').trim();
  const oneTimePassword = generateOneTimePassword(username);
  const inserted = await insertUser(ctx.db, {
    username,
    fullName,
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(oneTimePassword),
    provinceCode: null,
    now: ctx.clock.now(),
    hostingAdmin: true,
    // A one-time password: changed at the first sign-in (migration 0058).
    passwordMustChange: true,
  });
  if (!inserted) {
    throw new AppError('USERNAME_TAKEN', { username });
  }
  return { id: inserted.id, username, fullName, oneTimePassword };
};

/** A problem as the command line prints it: "CODE: the Vietnamese detail". */
export const describeAppError = (error: unknown): string | undefined =>
  error instanceof AppError
    ? `${error.code}: ${buildProblem(error.code, { language: 'vi', params: error.params }).detail}`
    : undefined;
