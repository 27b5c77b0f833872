import type { Role } from '../../api/session';

/** An account as `GET /api/users` lists it. */
export type User = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  agencyId: string | null;
  organisationId: string | null;
  scopeNameVi: string | null;
  scopeNameEn: string | null;
  active: boolean;
  /** Until when sign-ins are held back after failed attempts; null when they are not. */
  lockedUntil: string | null;
  mustChangePassword: boolean;
  version: number;
};

export const roleList: Role[] = ['admin', 'central', 'agency', 'reviewer', 'ngo', 'owner'];

/** Roles whose accounts belong to an agency row (officers, reviewers, aid owners). */
export const agencyRole = (role: Role) => role === 'agency' || role === 'reviewer' || role === 'owner';
