-- Role `owner` (issue 13): a user of a Vietnamese aid owner (chủ khoản viện trợ), linked like agency officers to
-- its row in `agencies` (ministries, provinces, mass organisations and other Vietnamese bodies).
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('admin', 'central', 'agency', 'reviewer', 'ngo', 'owner'));
alter table users add constraint users_owner_agency_check check (role <> 'owner' or agency_id is not null);
