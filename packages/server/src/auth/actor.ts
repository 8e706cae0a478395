import type { RoleGrant } from '@motcua/domain';

/** An official signed in through a session cookie or an API token. */
export type OfficialActor = {
  kind: 'official';
  userId: string;
  username: string;
  fullName: string;
  provinceCode: string | null;
  grants: RoleGrant[];
  via: 'session' | 'token';
  /** Present for session actors: the hash of the session token and its CSRF token. */
  session?: { tokenHash: string; csrfToken: string };
};

export type AnonymousActor = { kind: 'anonymous' };

export type Actor = OfficialActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };
