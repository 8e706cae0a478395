-- 0012 fees and charges collected at the counter (cash, card, transfer), with their receipts.
--
-- Online payments stay in `payment` (0006, the national payment platform's INIT flow). A payment taken at
-- the one-stop desk is a record of its own: who took it, when, how, how much, for which charges, and the
-- receipt (biên lai) number the receiving agency allocated from its yearly run of numbers. Rows are only
-- inserted (the receipt file's hash is set once, when the PDF is first stored): a mistaken collection is
-- corrected by a refund record, never by editing the row. What a dossier owes is computed from its charges
-- (the procedure version's published fixed fees and its payment requests) minus both kinds of payment.

-- The receipt register: the last number each agency gave in each calendar year (numbers run without gaps).
create table fee_receipt_sequence (
  agency_id uuid not null references agency (id),
  year integer not null check (year between 2000 and 2999),
  last_no integer not null check (last_no between 1 and 9999999),
  primary key (agency_id, year)
);
comment on table fee_receipt_sequence is
  'Receipt numbers of fees collected at the counter: the last number per issuing agency and calendar year (Decree 123/2020/NĐ-CP: receipts carry a sequential number).';

create table counter_payment (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossier (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The agency that collected and issued the receipt (the dossier's receiving agency).
  agency_id uuid not null references agency (id),
  receipt_year integer not null check (receipt_year between 2000 and 2999),
  receipt_seq integer not null check (receipt_seq between 1 and 9999999),
  -- "2026-0000012": the year and the agency's running number.
  receipt_no text not null check (receipt_no ~ '^[0-9]{4}-[0-9]{7}$'),
  method text not null check (method in ('cash', 'card', 'transfer')),
  amount_vnd bigint not null check (amount_vnd > 0),
  -- [{ chargeKey, name, kind, amountVnd }]: the charges paid (the receipt's lines); they add up to amount_vnd.
  fee_lines jsonb not null check (jsonb_typeof(fee_lines) = 'array' and jsonb_array_length(fee_lines) > 0),
  payer_name text not null check (length(payer_name) between 1 and 300),
  -- The bank's or the card terminal's reference for a card or transfer payment.
  transaction_ref text check (length(transaction_ref) between 1 and 100),
  collected_by uuid not null references app_user (id),
  collected_at timestamptz not null,
  -- The dossier's version after the payment was written (its event in the dossier's history).
  dossier_version integer not null check (dossier_version >= 1),
  -- Whether this payment ended the financial-obligation pause (record_payment).
  applied_to_dossier boolean not null default false,
  note text check (length(note) <= 2000),
  -- The receipt PDF in the file store (set once).
  receipt_sha256 text check (receipt_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  unique (agency_id, receipt_year, receipt_seq),
  constraint counter_payment_ref check (method = 'cash' or transaction_ref is not null)
);
comment on table counter_payment is
  'Fees and charges paid at the one-stop desk (cash, card, transfer), one row per receipt; insert-only except receipt_sha256, set once.';
create index counter_payment_dossier_idx on counter_payment (dossier_id, collected_at);
create index counter_payment_province_idx on counter_payment (province_code, collected_at);
