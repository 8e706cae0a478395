-- PAKN (phản ánh, kiến nghị về quy định hành chính) handled to its published answer: Decree 20/2008/NĐ-CP
-- as amended by Decree 48/2013/NĐ-CP and Decree 92/2017/NĐ-CP. The register (sổ theo dõi, Art. 9) is
-- pakn_feedback, extended here: the channel it came by, the agency holding it (hand-overs move it), the
-- legal category, the deadlines on the working-time calendar, the answer, publication or the reason it
-- is withheld, and the sender's rating. Every change appends a hash-chained pakn_event (checked by
-- motcua audit verify like the dossier's). Rows received from the portal before this migration keep
-- their data: they are 'received', by the portal, held by their province's People's Committee.

alter table pakn_feedback drop constraint pakn_feedback_status_check;
alter table pakn_feedback add constraint pakn_feedback_status_check check (status in (
  'received', 'classified', 'rejected', 'forwarded', 'handling', 'clarification_requested', 'clarified',
  'answer_drafted', 'answer_approved', 'answered', 'published', 'withheld'));

alter table pakn_feedback
  add column channel text not null default 'portal' check (channel in ('portal', 'counter', 'post', 'email', 'hotline')),
  -- The agency whose register received it, and the agency holding it now (the competent one after hand-overs).
  add column receiving_agency_id uuid references agency (id),
  add column agency_id uuid references agency (id),
  add column received_by uuid references app_user (id),
  -- Art. 9(2)(a)–(d).
  add column category text check (category in ('rejected', 'conduct', 'own_competence', 'not_competent')),
  add column version integer not null default 1 check (version >= 1),
  add column classify_due_at timestamptz,
  -- When the holding agency's answer clock started (receipt, or the last hand-over), and its clarification pauses.
  add column answer_clock_start timestamptz,
  add column pauses jsonb not null default '[]'::jsonb,
  add column answer_due_at timestamptz,
  add column classified_at timestamptz,
  add column forwarded_at timestamptz,
  add column answered_at timestamptz,
  add column published_at timestamptz,
  -- The reason of a rejection or of withholding the answer from publication.
  add column outcome_note text check (length(outcome_note) <= 2000),
  add column answer_text text check (length(answer_text) between 1 and 20000),
  add column answer_signer text check (length(answer_signer) <= 200),
  add column rating text check (rating in ('very_satisfied', 'satisfied', 'dissatisfied')),
  add column rated_at timestamptz,
  -- Folded (no diacritics) regulation, content and answer: the public list is searched without accents.
  add column search_text text not null default '',
  add column event_count integer not null default 0 check (event_count >= 0),
  add column last_event_hash text,
  -- Demo data of the demo province (labelled as such on every screen).
  add column is_demo boolean not null default false,
  add constraint pakn_feedback_rating_after_answer check (rating is null or answered_at is not null);

update pakn_feedback f
   set receiving_agency_id = a.id, agency_id = a.id
  from agency a
 where a.id = (select c.id from agency c
                where c.kind = 'province_committee' and c.province_code = f.province_code and c.valid_to is null
                order by c.created_at, c.id limit 1);

comment on column pakn_feedback.search_text is 'foldVietnamese(regulation, content, answer): accent-free search of the public list.';

-- The officials' inbox: an agency's register, newest first, and what is due.
create index pakn_feedback_agency_idx on pakn_feedback (agency_id, received_at desc, id desc);
create index pakn_feedback_agency_due_idx on pakn_feedback (agency_id, answer_due_at, id)
  where status not in ('rejected', 'answered', 'published', 'withheld');
-- The public list of published answers of a province.
create index pakn_feedback_published_idx on pakn_feedback (province_code, published_at desc, id desc)
  where status = 'published';

create table pakn_event (
  id bigint generated always as identity primary key,
  pakn_id uuid not null references pakn_feedback (id),
  seq integer not null check (seq >= 1),
  at timestamptz not null,
  actor_kind text not null check (actor_kind in ('official', 'sender', 'system')),
  actor_user_id uuid references app_user (id),
  actor_role text,
  -- The agency acting (the holder; for a hand-over, the sending agency, the target in the payload).
  agency_id uuid references agency (id),
  action text not null,
  from_status text,
  to_status text not null,
  note text,
  payload jsonb not null default '{}'::jsonb,
  prev_hash text,
  hash text not null,
  unique (pakn_id, seq)
);
comment on table pakn_event is
  'Append-only, hash-chained history of a PAKN: hash = SHA-256(prev_hash || canonical JSON). motcua audit verify recomputes it.';
create index pakn_event_at_idx on pakn_event (at);

create function pakn_event_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'pakn_event is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger pakn_event_append_only before update or delete on pakn_event
  for each row execute function pakn_event_is_append_only();

-- A province's PAKN settings: time limits per category (defaults in packages/domain/src/pakn) and the
-- agency that receives the portal's PAKN (Decree 92/2017: the office of the People's Committee).
create table pakn_setting (
  province_code text primary key check (province_code ~ '^[0-9]{2}$'),
  time_limits jsonb not null,
  portal_agency_id uuid references agency (id),
  updated_by uuid references app_user (id),
  updated_at timestamptz not null default now()
);

-- Messages to the sender (clarification requests, the answer), one row per event and channel; the
-- recipient stored masked.
create table pakn_notification (
  id uuid primary key default gen_random_uuid(),
  pakn_id uuid not null references pakn_feedback (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  event_seq integer not null check (event_seq >= 1),
  kind text not null check (kind in ('clarification_request', 'answer', 'rejection')),
  channel text not null check (channel in ('email', 'sms')),
  recipient_masked text,
  status text not null check (status in ('pending', 'sent', 'retrying', 'failed', 'skipped')),
  skip_reason text check (skip_reason in ('no_address', 'channel_disabled')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (length(last_error) <= 200),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (pakn_id, event_seq, channel)
);
