/**
 * Who COMINGO consults at step S2 of the Decree 58 procedures (domain §2.5), as data:
 * - new or extended GDKHD: MPS, MPI (now MOF; the agency registry routes it), MOHA, MOF, SBV, the
 *   line ministries of the registered sectors, the People's Committees of the registered provinces,
 *   and the agencies approving the FNGO's aid;
 * - GDKVPDD: the same plus the People's Committee of the office's province;
 * - amendment (and re-issue): only those concerned by the change; the office province only when
 *   the office moves.
 */
import type { ConsultationEntry } from './types';

const fixed = (agency: 'MPS' | 'MPI' | 'MOHA' | 'MOF' | 'SBV', when: ConsultationEntry['when']): ConsultationEntry => ({
  kind: 'FIXED',
  agency,
  when,
});
const dyn = (
  source: 'LINE_MINISTRIES_OF_SECTORS' | 'PROVINCES_OF_AREAS' | 'OFFICE_PROVINCE' | 'AID_APPROVING_AGENCIES',
  when: ConsultationEntry['when'],
): ConsultationEntry => ({ kind: 'DYNAMIC', source, when });

/** New or extended GDKHD: MPS, MPI (now MOF), MOHA, MOF, SBV, line ministries, provinces, aid approvers. */
export const GDKHD_CONSULTED: readonly ConsultationEntry[] = [
  fixed('MPS', 'ALWAYS'),
  fixed('MPI', 'ALWAYS'),
  fixed('MOHA', 'ALWAYS'),
  fixed('MOF', 'ALWAYS'),
  fixed('SBV', 'ALWAYS'),
  dyn('LINE_MINISTRIES_OF_SECTORS', 'ALWAYS'),
  dyn('PROVINCES_OF_AREAS', 'ALWAYS'),
  dyn('AID_APPROVING_AGENCIES', 'ALWAYS'),
];

/** GDKVPDD: the same, plus the People's Committee of the office's province. */
export const GDKVPDD_CONSULTED: readonly ConsultationEntry[] = [...GDKHD_CONSULTED, dyn('OFFICE_PROVINCE', 'ALWAYS')];

/** Amendment: only those concerned by the change; the office province only when the office moves. */
export const AMEND_CONSULTED: readonly ConsultationEntry[] = [
  fixed('MPS', 'IF_CONCERNED'),
  fixed('MPI', 'IF_CONCERNED'),
  fixed('MOHA', 'IF_CONCERNED'),
  fixed('MOF', 'IF_CONCERNED'),
  fixed('SBV', 'IF_CONCERNED'),
  dyn('LINE_MINISTRIES_OF_SECTORS', 'IF_CHANGED'),
  dyn('PROVINCES_OF_AREAS', 'IF_CHANGED'),
  dyn('OFFICE_PROVINCE', 'IF_CHANGED'),
  dyn('AID_APPROVING_AGENCIES', 'IF_CONCERNED'),
];
