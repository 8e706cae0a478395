-- 0046 Webhooks (issue 21 item 5): what 0040 left implicit.
-- A deleted subscription is kept (its deliveries and attempts are the log an auditor reads) but hidden and never
-- delivered again; a paused one (active = false) keeps its pending deliveries until it is resumed.
alter table webhook_subscription
  add column deleted_at timestamptz,
  add column deleted_by uuid references app_user (id),
  add constraint webhook_subscription_deleted_inactive check (deleted_at is null or not active);

-- The next attempt of this delivery is a replay asked for by an administrator: it is logged as one
-- (webhook_attempt.replay) and the flag is cleared when the attempt is recorded.
alter table webhook_delivery add column replay boolean not null default false;

-- A subscription's deliveries filtered by state, newest first (the console's list).
create index webhook_delivery_subscription_state_idx
  on webhook_delivery (subscription_id, state, created_at desc, id desc);
