import type { RoleGrant } from '@motcua/domain';

/** An official signed in through a session cookie or an API token. */
export type OfficialActor = {
  kind: 'official';
  userId: string;
  username: string;
  fullName: string;
  provinceCode: string | null;
  /**
   * The hosting centre's administrator (migration 0050): creates province sites and reads figures across the
   * install's provinces; holds no provincial role, so every provincial check refuses them. Absent = false (the
   * readers built in code for reports and public pages are never hosting administrators).
   */
  hostingAdmin?: boolean;
  /**
   * The password was set by someone else (migration 0058): a session may then only read /api/v1/me, change the
   * password and sign out (http/password-change-gate.ts). Absent = false.
   */
  passwordMustChange?: boolean;
  grants: RoleGrant[];
  via: 'session' | 'token';
  /** Present for session actors: the hash of the session token and its CSRF token. */
  session?: { tokenHash: string; csrfToken: string };
  /**
   * The reference revision (migration 0014) the session read answered at the start of this request: the
   * request's reference reader uses it instead of reading it again. Absent for token actors.
   */
  referenceRevision?: number;
};

/**
 * A citizen signed in to the portal (VNeID / OIDC or the local demo account), through its own
 * cookie and CSRF token. Citizens hold no roles: they reach only their own drafts and dossiers.
 */
export type CitizenActor = {
  kind: 'citizen';
  citizenId: string;
  fullName: string;
  session: { tokenHash: string; csrfToken: string };
};

export type AnonymousActor = { kind: 'anonymous' };

export type Actor = OfficialActor | CitizenActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };
