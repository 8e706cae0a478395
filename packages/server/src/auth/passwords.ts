import { hash, verify } from '@node-rs/argon2';

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
