-- 0050 Several provinces on one install (issue 22 item 4). After the 2025 merger one portal often serves two former
-- provinces and a hosting centre (trung tâm dữ liệu) serves several provinces from one installation. Each served
-- province is a site: its own host names, its name as printed, its portal's name and colours, its emblem, the place
-- name (địa danh) of its documents and the public address printed in QR codes and links. Every provincial row
-- already carries province_code; this table is what a request's host name resolves to.

create table province_site (
  province_code text primary key check (province_code ~ '^[0-9]{2}$'),
  -- The province's name as printed ("Thành phố Huế", "Tỉnh Lâm Đồng"), from the 2025 administrative units.
  name text not null check (length(name) between 1 and 200),
  -- The portal's own name, shown before the province's ("Cổng Dịch vụ công").
  portal_name text not null default 'Cổng Dịch vụ công' check (length(portal_name) between 1 and 200),
  -- Địa danh of its documents ("Huế, ngày … tháng … năm …", Decree 30/2020 Appendix I).
  place_name text not null check (length(place_name) between 1 and 100),
  -- The public origin printed in QR codes, e-mails and links (https://dichvucong.hue.gov.vn); null = the install's
  -- PUBLIC_URL.
  public_url text check (public_url is null or public_url ~ '^https?://[^/?#\s]+$'),
  -- The portal's colours (#rrggbb): the header and buttons, and the accent.
  colour_primary text not null default '#a61d24' check (colour_primary ~ '^#[0-9a-f]{6}$'),
  colour_accent text not null default '#d4a017' check (colour_accent ~ '^#[0-9a-f]{6}$'),
  -- The emblem or logo, a stored file (sha256 of its bytes in the file store) and its media type; null = the
  -- install's default mark.
  emblem_sha256 text check (emblem_sha256 is null or emblem_sha256 ~ '^[0-9a-f]{64}$'),
  emblem_media_type text check (emblem_media_type is null or emblem_media_type in ('image/png', 'image/svg+xml', 'image/jpeg', 'image/webp')),
  -- The hotline and address shown in the portal's footer.
  contact_phone text check (contact_phone is null or length(contact_phone) <= 50),
  contact_address text check (contact_address is null or length(contact_address) <= 500),
  -- Served when a request's host name is not one of any province's (localhost, the install's own address).
  is_default boolean not null default false,
  status text not null default 'active' check (status in ('active', 'suspended')),
  -- The anchor of the site's hash-chained history (province_site_event): its count and last hash, written with
  -- every event in the same transaction, so a deleted tail is caught by `audit verify`.
  event_count integer not null default 0,
  last_event_hash text check (last_event_hash is null or last_event_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
comment on table province_site is
  'A province served by this install: its name, portal name, colours, emblem, place name and public address. version is the optimistic-lock row version.';
create unique index province_site_default_key on province_site (is_default) where is_default;

create table province_host (
  -- Lower case, no port, no trailing dot ("dichvucong.hue.gov.vn"); one province per host name.
  host_name text primary key check (host_name ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$'),
  province_code text not null references province_site (province_code),
  created_at timestamptz not null default now()
);
comment on table province_host is 'The host names a province''s portal and console answer on; a request''s Host header resolves to its province.';
create index province_host_province_idx on province_host (province_code, host_name);

-- What happened to a site, hash-chained per province (created, branding changed, hosts changed, suspended):
-- `motcua audit verify` recomputes the chain.
create table province_site_event (
  id bigint generated always as identity primary key,
  province_code text not null references province_site (province_code),
  seq integer not null check (seq >= 1),
  at timestamptz(3) not null,
  actor_user_id uuid references app_user (id),
  action text not null check (length(action) between 1 and 60),
  payload jsonb not null default '{}'::jsonb,
  prev_hash text check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  unique (province_code, seq)
);
comment on table province_site_event is 'Append-only, hash-chained history of a province site (creation, branding, host names, status).';

create function province_site_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'province_site_event is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger province_site_event_append_only before update or delete on province_site_event
  for each row execute function province_site_event_is_append_only();

-- The hosting centre's administrator (quản trị hệ thống của trung tâm dữ liệu): creates provinces and reads the
-- figures of every province, never a province's records. Holds no provincial role (province_code null).
alter table app_user add column hosting_admin boolean not null default false;
alter table app_user add constraint app_user_hosting_admin_no_province check (not hosting_admin or province_code is null);
comment on column app_user.hosting_admin is 'The install''s hosting-centre administrator: creates province sites, reads aggregate figures; no provincial role.';

-- Every province already served (it has a People's Committee in force) becomes a site; the first is the default.
insert into province_site (province_code, name, place_name, is_default)
select a.province_code,
       coalesce(u.name, a.name),
       coalesce(u.short_name, regexp_replace(coalesce(u.name, a.name), '^(Tỉnh|Thành phố|Ủy ban nhân dân tỉnh|Ủy ban nhân dân thành phố)\s+', '', 'i')),
       row_number() over (order by a.province_code) = 1
from (select distinct on (province_code) province_code, name from agency
      where kind = 'province_committee' and valid_to is null and province_code is not null
      order by province_code, code) a
left join lateral (select name, short_name from administrative_unit
                   where level = 'province' and code = a.province_code and valid_to is null
                   order by valid_from desc nulls last limit 1) u on true;
