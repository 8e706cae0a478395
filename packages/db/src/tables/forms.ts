import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** The forms that are records once issued (0013): their bytes are stored and reprinted as they were. */
export type IssuedFormName = 'receipt' | 'supplement_request' | 'refusal' | 'apology' | 'stop_notice';

/** A form handed to the applicant, stored content-addressed when issued (0013). Rows are only inserted. */
export type IssuedFormTable = {
  dossierId: string;
  eventSeq: number;
  form: IssuedFormName;
  provinceCode: string;
  fileSha256: string;
  sizeBytes: number;
  mediaType: Generated<string>;
  issuedAt: Timestamp;
  createdAt: GeneratedTimestamp;
};

export type FormTables = {
  issuedForm: IssuedFormTable;
};
