import type { Generated, GeneratedAlways, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/**
 * Tables of the national integration (migration 0040_national_integration.sql): the province's connection to the
 * national public-service portal, each dossier's delivery cursor and the log of every attempt, the catalog pulls,
 * and webhook subscriptions with their deliveries and attempts.
 */
type Json<T extends object | null> = JSONColumnType<T, string | undefined, string>;

export type DvcqgSyncState = 'pending' | 'synced' | 'parked';
export type DvcqgService = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';
export type DvcqgOutcome = 'accepted' | 'rejected' | 'failed';
export type WebhookEventType = 'dossier.changed' | 'pakn.changed';
export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';
export type CatalogPullState = 'running' | 'completed' | 'failed';

export type DvcqgSettingTable = {
  provinceCode: string;
  enabled: Generated<boolean>;
  endpointUrl: string | null;
  authUrl: string | null;
  username: string | null;
  secretCiphertext: string | null;
  dstCode: string | null;
  unitCode: string | null;
  agencyCodes: Json<Record<string, string>>;
  onTimeMinutes: Generated<number>;
  backlogAlertMinutes: Generated<number>;
  catalogPullHours: number | null;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
};

export type DvcqgSyncTable = {
  dossierId: string;
  provinceCode: string;
  targetSeq: number;
  deliveredSeq: Generated<number>;
  dossierMessageAccepted: Generated<boolean>;
  remoteExists: Generated<boolean>;
  state: Generated<DvcqgSyncState>;
  attempts: Generated<number>;
  nextAttemptAt: GeneratedTimestamp;
  leasedUntil: Timestamp | null;
  leaseToken: string | null;
  pendingSince: Timestamp | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  updatedAt: GeneratedTimestamp;
};

export type DvcqgSyncLogTable = {
  id: GeneratedAlways<number>;
  provinceCode: string;
  dossierId: string;
  eventSeq: number;
  eventAt: Timestamp;
  service: DvcqgService;
  isUpdating: boolean | null;
  outcome: DvcqgOutcome;
  errorCode: string | null;
  message: string | null;
  durationMs: number | null;
  request: Json<Record<string, unknown>> | null;
  at: GeneratedTimestamp;
};

export type CatalogPullRunTable = {
  id: Generated<string>;
  provinceCode: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string | null;
  state: Generated<CatalogPullState>;
  catalogImportId: string | null;
  summary: Json<Record<string, unknown>>;
  failure: string | null;
  startedAt: GeneratedTimestamp;
  finishedAt: Timestamp | null;
};

export type WebhookSubscriptionTable = {
  id: Generated<string>;
  provinceCode: string;
  name: string;
  url: string;
  events: WebhookEventType[];
  secretCiphertext: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Timestamp | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  /** 0046: a deleted subscription is kept inactive and hidden. */
  deletedAt: Timestamp | null;
  deletedBy: string | null;
};

export type WebhookDeliveryTable = {
  id: Generated<string>;
  subscriptionId: string;
  provinceCode: string;
  eventId: string;
  eventType: WebhookEventType;
  payload: Json<Record<string, unknown>>;
  state: Generated<WebhookDeliveryState>;
  attempts: Generated<number>;
  nextAttemptAt: GeneratedTimestamp;
  leasedUntil: Timestamp | null;
  leaseToken: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
  /** 0046: the next attempt is a replay asked for by an administrator. */
  replay: Generated<boolean>;
};

export type WebhookAttemptTable = {
  id: GeneratedAlways<number>;
  deliveryId: string;
  provinceCode: string;
  status: number | null;
  error: string | null;
  durationMs: number | null;
  replay: Generated<boolean>;
  at: GeneratedTimestamp;
};

export type IntegrationTables = {
  dvcqgSetting: DvcqgSettingTable;
  dvcqgSync: DvcqgSyncTable;
  dvcqgSyncLog: DvcqgSyncLogTable;
  catalogPullRun: CatalogPullRunTable;
  webhookSubscription: WebhookSubscriptionTable;
  webhookDelivery: WebhookDeliveryTable;
  webhookAttempt: WebhookAttemptTable;
};
