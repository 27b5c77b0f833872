import type { Language } from '@common/i18n/languages';

/** `owner`: a user of a Vietnamese aid owner, linked to its agency row; denied everything not granted by name. */
export const roles = ['admin', 'central', 'agency', 'reviewer', 'ngo', 'owner'] as const;
export type Role = (typeof roles)[number];

/**
 * Who is calling, resolved from the session cookie or API token. Scope fields say which records the actor may
 * see: an NGO its organisation; an agency officer its agency and, for a province, the territory.
 */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  agencyId: string | null;
  /** For a provincial agency: its province id (`new34:NN`). */
  provinceId: string | null;
  locale: Language;
  via: 'session' | 'token';
  /** The password was chosen by an administrator: until it is changed, only the password change is allowed. */
  mustChangePassword?: boolean;
};

/** Central officers and administrators see the whole country (the rule lives in common/, shared with the web). */
export { hasNationalScope } from '@common/auth/national-scope';
