import type { Generated } from 'kysely';

/** One sign-in throttle key (migration 20261207120000): attempts counted before the password is checked. */
export type SignInThrottleTable = {
  key: string;
  username: string | null;
  attempts: Generated<number>;
  blocks: Generated<number>;
  last_attempt_at: Generated<Date>;
  blocked_until: Date | null;
};

/** An address an account signed in from successfully; the account-wide throttle spares it. */
export type UserKnownAddressTable = {
  user_id: string;
  address: string;
  last_signed_in_at: Generated<Date>;
};

export type AuthTables = {
  sign_in_throttles: SignInThrottleTable;
  user_known_addresses: UserKnownAddressTable;
};
