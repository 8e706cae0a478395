-- 0056 Images and attachments of the portal's news (issue 22 item 1): "images resized and served with their alt
-- text, attachments". An image is uploaded once per province; its original bytes stay in the file store (never
-- served: they may carry EXIF and GPS data) and the served files are its variants, re-encoded as WebP without
-- metadata, upright, at 480, 960 and 1600 px wide (never wider than the original). The variants are derived files
-- of the content-addressed store: their addresses are kept on the image row, keyed by width. Alt text is not kept
-- here: it belongs to each use of the image in an article's body (sanitize-body.ts refuses an image without it).
-- An attachment (PDF, DOCX, XLSX, ODT) belongs to one article, at a position that is never reused (a removed one
-- keeps its row with removed_at), so a public link to /portal-attachments/<article>/<position> never changes file.

create table portal_image (
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid not null references app_user (id),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes > 0),
  variants jsonb not null,
  created_at timestamptz not null default now(),
  primary key (province_code, sha256)
);
comment on table portal_image is 'An image of the portal''s articles, per province: the original (sha256, never served) and its served variants.';
comment on column portal_image.variants is 'The served files, narrowest first: [{ "width", "height", "sha256", "sizeBytes" }], each image/webp without metadata.';
-- The serving route reads one image by its address whatever the province when the request names none.
create index portal_image_sha256_idx on portal_image (sha256);
-- The province's images, newest first (a picker of images already uploaded).
create index portal_image_recent_idx on portal_image (province_code, created_at desc, sha256);

create table portal_attachment (
  article_id uuid not null references portal_article (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  position integer not null check (position > 0),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null check (length(file_name) between 1 and 200),
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  title text not null check (length(title) between 1 and 300),
  uploaded_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  removed_at timestamptz,
  removed_by uuid references app_user (id),
  primary key (article_id, position)
);
comment on table portal_attachment is 'A file attached to a portal article (Tệp đính kèm), shown on its public page once it is published.';
comment on column portal_attachment.position is 'Order on the page and the public address; never reused within an article.';
-- The article's list in order (the public page and the console): the live ones only.
create index portal_attachment_article_idx on portal_attachment (article_id, position) where removed_at is null;
-- The same file attached twice to one article is the same attachment (an upload retried answers the first).
create unique index portal_attachment_file_idx on portal_attachment (article_id, file_sha256) where removed_at is null;
create index portal_attachment_province_idx on portal_attachment (province_code, created_at desc);
