import type { Generated, GeneratedAlways, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export type ProvinceSiteStatus = 'active' | 'suspended';

/** A province served by this install: name, portal name, colours, emblem, place name, public address (0050). */
export type ProvinceSiteTable = {
  provinceCode: string;
  name: string;
  portalName: Generated<string>;
  placeName: string;
  publicUrl: string | null;
  colourPrimary: Generated<string>;
  colourAccent: Generated<string>;
  emblemSha256: string | null;
  emblemMediaType: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  isDefault: Generated<boolean>;
  status: Generated<ProvinceSiteStatus>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  createdAt: GeneratedTimestamp;
  createdBy: string | null;
  updatedAt: GeneratedTimestamp;
  version: Generated<number>;
};

/** A host name a province's portal and console answer on (0050). */
export type ProvinceHostTable = {
  hostName: string;
  provinceCode: string;
  createdAt: GeneratedTimestamp;
};

/** Append-only, hash-chained history of a province site (0050). */
export type ProvinceSiteEventTable = {
  id: GeneratedAlways<number>;
  provinceCode: string;
  seq: number;
  at: Timestamp;
  actorUserId: string | null;
  action: string;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  prevHash: string | null;
  hash: string;
};

export type ProvinceSiteTables = {
  provinceSite: ProvinceSiteTable;
  provinceHost: ProvinceHostTable;
  provinceSiteEvent: ProvinceSiteEventTable;
};
