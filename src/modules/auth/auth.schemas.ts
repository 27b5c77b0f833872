import { z } from 'zod';
import { roles } from './actor';

export const signInBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const actorView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  organisationId: z.string().nullable(),
  agencyId: z.string().nullable(),
  provinceId: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
  /** The password was chosen by an administrator and must be changed before anything else. */
  mustChangePassword: z.boolean(),
});
export type ActorView = z.infer<typeof actorView>;

export const sessionView = z.object({ user: actorView, csrfToken: z.string() });
