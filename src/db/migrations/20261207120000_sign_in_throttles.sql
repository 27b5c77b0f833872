-- Sign-in throttling instead of a hard account lock (issue 11, defect 3), and forced password changes (defect 12).
--
-- Every sign-in attempt is counted before its password is checked, atomically in one row per key, so parallel
-- attempts cannot slip past the count and every process on the database sees the same figures. Keys:
--   pair:<user name>|<address>   the attempts of one address on one account name (the usual guesser)
--   address:<address>            every attempt from one address, whatever the name
--   account:<user name>          attempts on one name from addresses it never signed in from (distributed guessing);
--                                the owner signing in from an address of a past successful sign-in is not held up
-- User names are keys whether or not the account exists, so unknown and existing names behave alike.
create table sign_in_throttles (
  key text primary key,
  -- Lower-cased user name of pair and account keys (null for address keys): an administrator's unlock clears them.
  username text,
  attempts integer not null default 0,
  -- Back-offs served since the last quiet period; each one lasts twice as long as the one before.
  blocks integer not null default 0,
  last_attempt_at timestamptz not null default now(),
  blocked_until timestamptz
);
create index sign_in_throttles_username_idx on sign_in_throttles (username) where username is not null;
create index sign_in_throttles_last_attempt_idx on sign_in_throttles (last_attempt_at);

-- Addresses an account signed in from successfully: the account-wide throttle does not apply to them.
create table user_known_addresses (
  user_id uuid not null references users(id) on delete cascade,
  address text not null,
  last_signed_in_at timestamptz not null default now(),
  primary key (user_id, address)
);

-- Counts one attempt on a key and says whether it may go on. Up to p_limit attempts pass; the next one is refused
-- and starts a back-off of p_base_seconds; once a back-off has run out one attempt passes and the next back-off,
-- twice as long (at most p_max_seconds), starts at once. A key quiet for p_reset_seconds starts again from zero.
create function sign_in_attempt(
  p_key text,
  p_username text,
  p_limit integer,
  p_base_seconds integer,
  p_max_seconds integer,
  p_reset_seconds integer
) returns table (allowed boolean, attempts integer, retry_after_seconds integer)
  language plpgsql
as $$
#variable_conflict use_column
declare
  r sign_in_throttles%rowtype;
  t timestamptz := clock_timestamp();
begin
  insert into sign_in_throttles (key, username, last_attempt_at) values (p_key, p_username, t) on conflict (key) do nothing;
  select * into r from sign_in_throttles s where s.key = p_key for update;
  if (r.blocked_until is null or r.blocked_until <= t) and r.last_attempt_at < t - make_interval(secs => p_reset_seconds) then
    r.attempts := 0;
    r.blocks := 0;
    r.blocked_until := null;
  end if;
  r.attempts := r.attempts + 1;
  if r.blocked_until is not null and r.blocked_until > t then
    allowed := false;
  elsif r.attempts <= p_limit then
    allowed := true;
  else
    allowed := r.blocks > 0;
    r.blocks := r.blocks + 1;
    r.blocked_until := t + make_interval(secs => least(p_max_seconds::double precision, p_base_seconds * power(2, least(r.blocks - 1, 30))));
  end if;
  update sign_in_throttles s
    set attempts = r.attempts, blocks = r.blocks, blocked_until = r.blocked_until, last_attempt_at = t
    where s.key = p_key;
  attempts := r.attempts;
  retry_after_seconds := case when allowed then 0 else ceil(extract(epoch from r.blocked_until - t))::integer end;
  return next;
end
$$;

-- Accounts whose password was chosen by someone else (an administrator) must change it at their next sign-in.
alter table users add column must_change_password boolean not null default false;
