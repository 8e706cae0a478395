/**
 * Demo of digital signatures (issue 19): the install's TEST CA and its timestamp key, and test certificates for
 * the demo Sở Nội vụ (the agency's signature) and two of its officials — `giamdoc.snv` (Giám đốc, agency_head,
 * who signs) and `truongphong.snv` (Trưởng phòng, unit_head). The officials are created when missing (other
 * demo helpers create the same usernames: matched on the username, never duplicated); each step is skipped
 * when already done, so the seed runs on a fresh demo and on one seeded before signing existed.
 * The test CA has no legal value (docs/signing.md).
 */
import {
  findActiveAgencyCredential,
  findActiveOfficialCredential,
  findAgencyByCode,
  findUserCredentials,
  insertUser,
  insertUserRole,
  type OfficialRole,
} from '@motcua/db';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { ensureTestAuthority, issueTestCredentialUnchecked } from '../usecases/signing/credentials.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

export const DEMO_SIGNING_OFFICIALS: {
  username: string;
  fullName: string;
  title: string;
  role: OfficialRole;
}[] = [
  { username: 'giamdoc.snv', fullName: 'Phạm Văn Thành', title: 'Giám đốc Sở Nội vụ', role: 'agency_head' },
  {
    username: 'truongphong.snv',
    fullName: 'Đỗ Thị Minh Hạnh',
    title: 'Trưởng phòng Cải cách hành chính, Sở Nội vụ',
    role: 'unit_head',
  },
];

export const seedDemoSigning = async (
  ctx: AppContext,
  options: { provinceCode: string; password: string },
): Promise<{ issued: number }> => {
  const agency = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  if (!agency) {
    return { issued: 0 };
  }
  await ensureTestAuthority(ctx, options.provinceCode);
  let issued = 0;
  for (const official of DEMO_SIGNING_OFFICIALS) {
    let userId = (await findUserCredentials(ctx.db, official.username))?.id;
    if (!userId) {
      userId = (
        await insertUser(ctx.db, {
          username: official.username,
          fullName: official.fullName,
          title: official.title,
          email: null,
          phone: null,
          passwordHash: await hashPassword(options.password),
          provinceCode: options.provinceCode,
          now: ctx.clock.now(),
        })
      )?.id;
      userId ??= (await findUserCredentials(ctx.db, official.username))?.id;
    }
    if (!userId) {
      throw new Error(`demo seed: ${official.username} could not be created`);
    }
    await insertUserRole(ctx.db, {
      userId,
      agencyId: agency.id,
      role: official.role,
      includeSubagencies: false,
      grantedBy: null,
    });
    if (!(await findActiveOfficialCredential(ctx.db, userId))) {
      await issueTestCredentialUnchecked(ctx, { ownerKind: 'official', agencyId: agency.id, userId }, null);
      issued += 1;
    }
  }
  if (!(await findActiveAgencyCredential(ctx.db, agency.id))) {
    await issueTestCredentialUnchecked(ctx, { ownerKind: 'agency', agencyId: agency.id }, null);
    issued += 1;
  }
  return { issued };
};
