-- 0058 A password set by someone else is changed at the next sign-in. The first administrator of a province
-- (createProvince), the hosting centre's administrator (`motcua hosting-admin create`), an official an
-- administrator creates and one whose password an administrator resets receive a password another person has seen;
-- until the official chooses their own (POST /api/v1/me/password), a session may only read /api/v1/me, change the
-- password and sign out (403 PASSWORD_CHANGE_REQUIRED elsewhere). Existing accounts keep their passwords: false.

alter table app_user add column password_must_change boolean not null default false;
comment on column app_user.password_must_change is
  'True while the password was set by someone else (a one-time or administrator-set password): the official must change it before using the console.';
