import { type Database, insertLocalCitizen } from '@motcua/db';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../../auth/passwords.js';

/**
 * The demo citizen (a local account; real citizens sign in with VNeID): a person born in Hưng Yên
 * living in Phường Phố Hiến, so that every demo procedure of the province can be tried online.
 * Demo only — the password is the demo password of the officials' accounts.
 */
export const DEMO_CITIZEN = {
  username: 'congdan',
  fullName: 'Nguyễn Văn Dân',
  idNumber: '033090004321',
  dateOfBirth: '1990-03-15',
  address: 'Số 12 phố Nguyễn Văn Linh, phường Phố Hiến, tỉnh Hưng Yên',
  communeCode: '11953',
  phone: '0912000111',
  email: 'congdan@example.vn',
} as const;

/** Creates the demo citizen account unless it exists; answers whether it was created. */
export const seedDemoCitizen = async (db: Kysely<Database>, password: string): Promise<boolean> => {
  const created = await insertLocalCitizen(db, {
    ...DEMO_CITIZEN,
    accountKind: 'person',
    passwordHash: await hashPassword(password),
    taxCode: null,
    organisationName: null,
  });
  return created !== undefined;
};
