import type { AgencyKind, OfficialRole } from '@motcua/domain';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AdministrativeLevel, GeneratedTimestamp, Timestamp } from './foundation.js';

export type { AgencyKind, OfficialRole };

/** Working hours of an agency, as the calendar's WorkingHoursProfile (null = the default 8 h day). */
export type WorkingHoursJson = {
  intervals: { start: string; end: string }[];
  seasons?: { from: string; to: string; intervals: { start: string; end: string }[] }[];
  minutesPerWorkingDay?: number;
};

export type AgencyTable = {
  id: Generated<string>;
  code: string;
  name: string;
  shortName: string | null;
  documentAbbreviation: Generated<string | null>;
  kind: AgencyKind;
  parentId: string | null;
  path: string;
  provinceCode: string | null;
  adminUnitLevel: AdministrativeLevel | null;
  adminUnitCode: string | null;
  workingHours: JSONColumnType<WorkingHoursJson, string | null, string | null> | null;
  validFrom: string;
  validTo: string | null;
  searchText: string;
  version: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type AgencyVersionTable = {
  agencyId: string;
  validFrom: string;
  validTo: string | null;
  code: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  parentId: string | null;
  adminUnitCode: string | null;
};

export type AgencySuccessionTable = {
  predecessorId: string;
  successorId: string;
  kind: 'merge' | 'split';
  effective: string;
};

export type AgencyChangeTable = {
  id: Generated<number>;
  agencyId: string;
  change: 'create' | 'update' | 'rename' | 'move' | 'merge' | 'split' | 'close';
  effective: string;
  before: JSONColumnType<object, string | null, string | null> | null;
  after: JSONColumnType<object, string | null, string | null> | null;
  actorUserId: string | null;
  createdAt: GeneratedTimestamp;
};

export type AppUserTable = {
  id: Generated<string>;
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  /** foldVietnamese(full name + username). */
  searchText: string;
  passwordHash: string | null;
  status: Generated<'active' | 'disabled'>;
  failedLoginCount: Generated<number>;
  lockedUntil: Timestamp | null;
  passwordChangedAt: Timestamp | null;
  provinceCode: string | null;
  version: Generated<number>;
  /** Bumped by every write of the official's user_role rows (migration 0033); keys the grants a process caches. */
  grantsRevision: Generated<number>;
  /** The hosting centre's administrator (migration 0050): creates province sites, reads figures across provinces. */
  hostingAdmin: Generated<boolean>;
  /** The password was set by someone else (migration 0058): the official changes it before anything else. */
  passwordMustChange: Generated<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type UserRoleTable = {
  userId: string;
  agencyId: string;
  role: OfficialRole;
  includeSubagencies: Generated<boolean>;
  grantedAt: GeneratedTimestamp;
  grantedBy: string | null;
};

export type UserSessionTable = {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
  idleExpiresAt: Timestamp;
  expiresAt: Timestamp;
};

export type ApiTokenTable = {
  id: Generated<string>;
  userId: string;
  name: string;
  tokenPrefix: string;
  tokenHash: string;
  createdAt: GeneratedTimestamp;
  lastUsedAt: Timestamp | null;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
};

export type LoginThrottleTable = {
  key: string;
  windowStartedAt: ColumnType<Date, Date | string, Date | string>;
  attempts: number;
};

export type OfficialsTables = {
  agency: AgencyTable;
  agencyVersion: AgencyVersionTable;
  agencySuccession: AgencySuccessionTable;
  agencyChange: AgencyChangeTable;
  appUser: AppUserTable;
  userRole: UserRoleTable;
  userSession: UserSessionTable;
  apiToken: ApiTokenTable;
  loginThrottle: LoginThrottleTable;
};
