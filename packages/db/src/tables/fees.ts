import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables of fees collected at the counter (migration 0012_fees.sql). */

export type CounterPaymentMethod = 'cash' | 'card' | 'transfer';

/** A receipt line: the charge it pays (its key in the fee account), its name and kind, the amount. */
export type CounterPaymentLineJson = {
  chargeKey: string;
  name: string;
  kind: 'phi' | 'le_phi' | 'other';
  amountVnd: number;
};

export type FeeReceiptSequenceTable = {
  agencyId: string;
  year: number;
  lastNo: number;
};

export type CounterPaymentTable = {
  id: Generated<string>;
  dossierId: string;
  provinceCode: string;
  agencyId: string;
  receiptYear: number;
  receiptSeq: number;
  receiptNo: string;
  method: CounterPaymentMethod;
  // bigint comes back as a string from pg; amounts fit in a JS number (< 2^53).
  amountVnd: number;
  feeLines: JSONColumnType<CounterPaymentLineJson[], string, string>;
  payerName: string;
  transactionRef: string | null;
  collectedBy: string;
  collectedAt: Timestamp;
  dossierVersion: number;
  appliedToDossier: Generated<boolean>;
  note: string | null;
  receiptSha256: string | null;
  createdAt: GeneratedTimestamp;
};

export type FeesTables = {
  feeReceiptSequence: FeeReceiptSequenceTable;
  counterPayment: CounterPaymentTable;
};
