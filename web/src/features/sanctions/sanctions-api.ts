import { api } from '../../api/client';

export type SanctionCode = 'SUSPENSION' | 'FORCED_TERMINATION';

/** A step's or an opinion's working-day clock as the server computes it. */
export type Clock = {
  days: number;
  unit: 'WORKING' | 'CALENDAR';
  startedOn: string | null;
  dueDate: string | null;
  remainingDays: number;
  overdueDays: number;
  state: 'NOT_STARTED' | 'RUNNING' | 'PAUSED' | 'DONE';
  finishedOn: string | null;
  onTime: boolean | null;
};

/** One sanction case as GET /api/sanctions/{id} serves it. */
export type SanctionCase = {
  id: string;
  code: string;
  procedureCode: SanctionCode;
  organisationId: string;
  organisationName: string;
  certificateId: string;
  certificateNumber: string;
  status: string;
  outcome: string | null;
  legalGround: string;
  grounds: string;
  evidence: { title: string; reference?: string | null; date?: string | null }[];
  proposedOn: string;
  meetingHeldOn: string | null;
  meetingMinutes: string | null;
  meetingRequired: boolean;
  decidedOn: string | null;
  decisionNumber: string | null;
  noticeSentOn: string | null;
  noticeReceivedOn: string | null;
  remedyReportedOn: string | null;
  remedyReport: string | null;
  recoveredOn: string | null;
  settledOn: string | null;
  settlement: { premises: string; staff: string; assets: string; finances: string } | null;
  closedOn: string | null;
  closingNote: string | null;
  escalatedFromId: string | null;
  escalatedToId: string | null;
  opinions: {
    agencyId: string;
    agencyNameVi: string;
    agencyNameEn: string;
    basis: string;
    opinion: 'AGREE' | 'DISAGREE' | null;
    answer: string | null;
    answeredOn: string | null;
    clock: Clock;
  }[];
  steps: { code: string; nameVi: string; nameEn: string; role: string; legalRef: string; clock: Clock | null }[];
  events: { onDate: string; action: string; fromStatus: string | null; toStatus: string; actor: string; note: string | null }[];
  actions: string[];
  canAnswer: boolean;
};

export type SanctionListItem = Pick<
  SanctionCase,
  | 'id'
  | 'code'
  | 'procedureCode'
  | 'organisationId'
  | 'organisationName'
  | 'certificateNumber'
  | 'status'
  | 'outcome'
  | 'legalGround'
  | 'proposedOn'
> & { nextDue: string | null };

/** The grounds each sanction may cite (D58 Art. 18.1, 19.1). */
export const GROUNDS: Record<SanctionCode, string[]> = {
  SUSPENSION: ['D58_ART18_1A', 'D58_ART18_1B', 'D58_ART18_1C'],
  FORCED_TERMINATION: ['D58_ART19_1A', 'D58_ART19_1B', 'D58_ART19_1C'],
};

export const fetchSanctions = (query: { organisationId?: string; open?: 'true' }) =>
  api.get<{ items: SanctionListItem[] }>('/api/sanctions', query);
export const fetchSanction = (id: string) => api.get<SanctionCase>(`/api/sanctions/${id}`);
export const proposeSanction = (body: unknown) => api.post<SanctionCase>('/api/sanctions', body);
export const giveOpinion = (id: string, body: unknown) => api.post<SanctionCase>(`/api/sanctions/${id}/opinions`, body);
export const takeStep = (id: string, body: unknown) => api.post<SanctionCase>(`/api/sanctions/${id}/actions`, body);
