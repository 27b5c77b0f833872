import type { Role } from '@modules/auth/actor';

/**
 * The demo accounts printed at start in demo mode, one per role. Demo data is synthetic; these passwords exist
 * only in demo databases (never created outside demo mode).
 */
export type DemoAccount = {
  role: Role;
  username: string;
  password: string;
  displayName: string;
  agencyId?: string;
  organisationCode?: string;
};

export const demoAccounts: DemoAccount[] = [
  { role: 'admin', username: 'admin', password: 'Demo-admin-2026', displayName: 'Quản trị hệ thống (demo)' },
  { role: 'central', username: 'mofa', password: 'Demo-central-2026', displayName: 'Chuyên viên Bộ Ngoại giao (demo)' },
  {
    role: 'agency',
    username: 'caobang',
    password: 'Demo-province-2026',
    displayName: 'Sở Ngoại vụ Cao Bằng (demo)',
    agencyId: 'UBND:new34:04',
  },
  { role: 'agency', username: 'moh', password: 'Demo-ministry-2026', displayName: 'Bộ Y tế (demo)', agencyId: 'MOH' },
  // Appraises Cao Bằng's local aid (D80 Art. 9, 10; the Department of Finance since the 2025 reorganisation).
  {
    role: 'agency',
    username: 'caobang-stc',
    password: 'Demo-finance-2026',
    displayName: 'Sở Tài chính Cao Bằng (demo)',
    agencyId: 'STC:new34:04',
  },
  { role: 'reviewer', username: 'mps', password: 'Demo-reviewer-2026', displayName: 'Cán bộ thẩm định Bộ Công an (demo)', agencyId: 'MPS' },
  {
    role: 'ngo',
    username: 'ngo',
    password: 'Demo-ngo-2026',
    displayName: 'Trưởng đại diện tổ chức PCPNN (demo)',
    organisationCode: 'DEMO-0001',
  },
  {
    role: 'owner',
    username: 'owner',
    password: 'Demo-owner-2026',
    displayName: 'Chủ khoản viện trợ — Hội Chữ thập đỏ Việt Nam (demo)',
    agencyId: 'VRC',
  },
];
