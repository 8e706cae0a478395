-- 0033 A revision of each official's role grants, so the per-request session read need not rebuild them.
-- Every request of an official read the session with the grants built as JSON in the database (a join of
-- user_role and agency, json_agg and md5: about 1 ms of PostgreSQL's CPU per request for an official with a
-- hundred desks, the largest part of an intake's database time). Now the session read answers two numbers: the
-- official's grants_revision, bumped in the writing transaction by every change of their user_role rows, and
-- the reference revision (migration 0014), bumped by every change of the agency table whose code, name and
-- province the grants carry. A process keeps the grants it read under both numbers and reads them again only
-- when either differs — checked by the database on every request, so never stale in any process.
alter table app_user add column grants_revision bigint not null default 0;
comment on column app_user.grants_revision is 'Bumped by every insert, update or delete of the official''s user_role rows (trigger user_role_grants_revision).';

create function bump_grants_revision() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    update app_user set grants_revision = grants_revision + 1
    where id in (select distinct user_id from changed_new);
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    update app_user set grants_revision = grants_revision + 1
    where id in (select distinct user_id from changed_old);
  end if;
  return null;
end $$;

create trigger user_role_grants_revision_insert after insert on user_role
  referencing new table as changed_new
  for each statement execute function bump_grants_revision();
create trigger user_role_grants_revision_update after update on user_role
  referencing new table as changed_new old table as changed_old
  for each statement execute function bump_grants_revision();
create trigger user_role_grants_revision_delete after delete on user_role
  referencing old table as changed_old
  for each statement execute function bump_grants_revision();
