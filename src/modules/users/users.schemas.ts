import { z } from 'zod';
import { roles } from '@modules/auth/actor';
import { pageQuery } from '@http/pagination';

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(roles),
  organisationId: z.string().nullable(),
  agencyId: z.string().nullable(),
  /** Name of the agency or organisation the account is scoped to, in Vietnamese and English. */
  scopeNameVi: z.string().nullable(),
  scopeNameEn: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
  active: z.boolean(),
  /** Until when sign-ins to the account are throttled after failed attempts (null when they are not). */
  lockedUntil: z.string().nullable(),
  /** The password was set by an administrator and has not been changed by its owner yet. */
  mustChangePassword: z.boolean(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof userView>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(roles).optional(),
});

const password = z.string().min(10).max(200);

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-zA-Z0-9._@-]+$/),
  displayName: z.string().trim().min(1).max(200),
  email: z.string().trim().email().max(200).optional(),
  role: z.enum(roles),
  organisationId: z.string().uuid().optional(),
  agencyId: z.string().max(60).optional(),
  password,
  locale: z.enum(['vi', 'en']).default('vi'),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  version: z.number().int(),
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  role: z.enum(roles).optional(),
  organisationId: z.string().uuid().nullable().optional(),
  agencyId: z.string().max(60).nullable().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  unlock: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password });

export const updateMeBody = z.object({ locale: z.enum(['vi', 'en']) });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password });

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});
