import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors/app-error.js';

/**
 * argon2id with the OWASP-recommended minimum (19 MiB memory, 2 iterations, 1 lane). The library's
 * default algorithm is argon2id; the parameters are spelled out so a library upgrade cannot weaken them.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export const verifyPassword = async (password: string, passwordHash: string | null | undefined): Promise<boolean> => {
  if (!passwordHash) {
    dummyHash ??= hashPassword('motcua-dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/**
 * Officials' passwords: at least 10 characters with a letter and a digit, and not the username.
 * Returns the problem, or undefined when acceptable.
 */
export const findPasswordProblem = (password: string, username: string): string | undefined => {
  if (password.length < 10) {
    return 'PASSWORD_TOO_SHORT';
  }
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) {
    return 'PASSWORD_TOO_SIMPLE';
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return 'PASSWORD_CONTAINS_USERNAME';
  }
  return undefined;
};

const PASSWORD_REASONS: Record<string, { vi: string; en: string }> = {
  PASSWORD_TOO_SHORT: { vi: 'Mật khẩu phải có ít nhất 10 ký tự.', en: 'The password needs at least 10 characters.' },
  PASSWORD_TOO_SIMPLE: {
    vi: 'Mật khẩu phải có cả chữ cái và chữ số.',
    en: 'The password needs both letters and digits.',
  },
  PASSWORD_CONTAINS_USERNAME: {
    vi: 'Mật khẩu không được chứa tên đăng nhập.',
    en: 'The password must not contain the username.',
  },
};

/** 422 WEAK_PASSWORD with the Vietnamese and English reason when findPasswordProblem refuses the password. */
export const assertStrongPassword = (password: string, username: string): void => {
  const problem = findPasswordProblem(password, username);
  if (problem) {
    throw new AppError('WEAK_PASSWORD', { reason: PASSWORD_REASONS[problem] ?? problem });
  }
};
