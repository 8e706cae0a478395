import type { SipasCampaignStatus } from '@motcua/domain';
import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables of SIPAS satisfaction surveys (migration 0023_sipas.sql). */

export type { SipasCampaignStatus };
export type SipasResponseMode = 'online' | 'paper' | 'phone';

export type SipasQuestionnaireTable = {
  id: Generated<string>;
  provinceCode: string;
  code: string;
  version: number;
  title: string;
  /** QuestionnaireDefinition of the domain. */
  definition: JSONColumnType<Record<string, unknown>, string, string>;
  isDemo: Generated<boolean>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
};

export type SipasCampaignTable = {
  id: Generated<string>;
  provinceCode: string;
  year: number;
  title: string;
  questionnaireId: string;
  /** yyyy-mm-dd */
  periodFrom: string;
  periodTo: string;
  marginBp: Generated<number>;
  status: SipasCampaignStatus;
  seed: string | null;
  population: number | null;
  sampleSize: number | null;
  indexSettings: JSONColumnType<
    { overall: 'mean_of_factors' | 'pooled'; parts: 'service' | 'service_and_policy' },
    string | undefined,
    string
  >;
  publishedResult: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  isDemo: Generated<boolean>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  sampledAt: Timestamp | null;
  openedAt: Timestamp | null;
  closedAt: Timestamp | null;
  publishedAt: Timestamp | null;
  publishedBy: string | null;
  rowVersion: Generated<number>;
};

export type SipasStratumTable = {
  campaignId: string;
  agencyId: string;
  provinceCode: string;
  population: number;
  sampleSize: number;
};

export type SipasInvitationTable = {
  id: Generated<string>;
  campaignId: string;
  provinceCode: string;
  agencyId: string;
  dossierId: string;
  tokenSha256: string;
  usedAt: Timestamp | null;
  usedBy: SipasResponseMode | null;
  sentAt: Timestamp | null;
  remindedAt: Timestamp | null;
  reminderCount: Generated<number>;
  createdAt: GeneratedTimestamp;
};

export type SipasResponseTable = {
  id: Generated<string>;
  campaignId: string;
  provinceCode: string;
  agencyId: string;
  mode: SipasResponseMode;
  enteredBy: string | null;
  /** yyyy-mm-dd: the day only, so a response cannot be matched to an invitation by its instant. */
  answeredOn: string;
  answers: JSONColumnType<Record<string, unknown>, string, string>;
  /** Given only with the respondent's consent to be identified (migration 0031); null = anonymous. */
  contact: JSONColumnType<SipasRespondentContact, string | null, string | null> | null;
};

export type SipasRespondentContact = { name: string; phone?: string; email?: string };

export type SipasTables = {
  sipasQuestionnaire: SipasQuestionnaireTable;
  sipasCampaign: SipasCampaignTable;
  sipasStratum: SipasStratumTable;
  sipasInvitation: SipasInvitationTable;
  sipasResponse: SipasResponseTable;
};
