-- 0048 The information portal's news and pages (issue 22 item 1): articles in categories (tin CCHC, thông báo,
-- hướng dẫn) and static pages (giới thiệu, liên hệ …), written by portal authors, reviewed and published — at a
-- chosen time — by portal editors; every save kept as an append-only version; the menu of the public portal.
-- The body is HTML sanitised on the server before it is stored (packages/server/src/usecases/portal-content/
-- sanitize-body.ts); readers filter by publish_at ≤ now, so a scheduled article needs no job.

create table portal_category (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 200),
  position integer not null default 0,
  unique (province_code, slug)
);
comment on table portal_category is 'A category of the portal''s articles (tin CCHC, thông báo, hướng dẫn), per province.';

create table portal_article (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  kind text not null check (kind in ('article', 'page')),
  category_id uuid references portal_category (id),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null check (length(title) between 1 and 500),
  summary text not null default '',
  body_html text not null default '',
  status text not null check (status in ('draft', 'submitted', 'returned', 'published', 'unpublished')),
  author_user_id uuid not null references app_user (id),
  publish_at timestamptz,
  published_by uuid references app_user (id),
  review_note text,
  is_demo boolean not null default false,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (province_code, kind, slug),
  check (kind = 'page' or category_id is not null),
  check (status <> 'published' or publish_at is not null)
);
comment on table portal_article is 'An article or a static page of the portal; body_html is stored only after the server sanitised it.';
comment on column portal_article.publish_at is 'When a published article becomes visible: every public read filters publish_at <= now().';
comment on column portal_article.search_text is 'Accent-folded title, summary and text of the body (foldVietnamese), for accent-insensitive search.';
-- The public list of a province and kind, newest first, keyset on (publish_at, id).
create index portal_article_public_idx on portal_article (province_code, kind, publish_at desc, id desc)
  where status = 'published';
create index portal_article_category_idx on portal_article (category_id, publish_at desc, id desc)
  where status = 'published';
-- The console's list, most recently changed first.
create index portal_article_console_idx on portal_article (province_code, updated_at desc, id desc);
create index portal_article_search_idx on portal_article using gin (search_text gin_trgm_ops);

create table portal_article_version (
  article_id uuid not null references portal_article (id),
  version integer not null,
  title text not null,
  summary text not null,
  body_html text not null,
  category_id uuid,
  slug text not null,
  status text not null,
  saved_by uuid not null references app_user (id),
  saved_at timestamptz not null default now(),
  note text,
  primary key (article_id, version)
);
comment on table portal_article_version is 'Every save of an article or page (append-only): shown and restored from the console.';

create function portal_article_version_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'portal_article_version is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger portal_article_version_append_only before update or delete on portal_article_version
  for each row execute function portal_article_version_is_append_only();

create table portal_menu_item (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  position integer not null,
  label text not null check (length(label) between 1 and 100),
  target_kind text not null check (target_kind in ('page', 'category', 'procedure', 'url')),
  target text not null check (length(target) between 1 and 500),
  unique (province_code, position)
);
comment on table portal_menu_item is 'The public portal''s menu, in order: a page or category slug, a procedure code or an external URL.';
