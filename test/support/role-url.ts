import type { RoleLogin } from '../../src/db/roles';

/** The connection string of `url`'s server and database, signed in as `role`. */
export const asRole = (url: string, role: RoleLogin): string => {
  const u = new URL(url);
  u.username = role.name;
  u.password = encodeURIComponent(role.password);
  return u.toString();
};
