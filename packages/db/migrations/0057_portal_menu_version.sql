-- 0057 The portal menu's version (issue 22 item 1): the console replaces the whole menu of a province at once, so
-- two editors saving at the same time must not silently overwrite each other. One row per province holds the
-- version of its menu; a save names the version it read and moves it on by one in the same transaction, and a
-- stale version is refused (409 VERSION_CONFLICT). A province without a row has never saved its menu: version 0.

create table portal_menu_state (
  province_code text primary key check (province_code ~ '^[0-9]{2}$'),
  version integer not null check (version >= 0),
  updated_at timestamptz not null default now()
);
comment on table portal_menu_state is 'The version of each province''s portal menu, moved on by every save (version guard).';
