import { api } from '../../api/client';

export type ObligationKind = 'BANK_ACCOUNT_NOTICE' | 'IMPLEMENTATION_PLAN' | 'ANNUAL_REPORT' | 'DATA_UPDATE' | 'INACTIVITY_REVIEW';
export type ObligationStatus = 'DONE' | 'DUE' | 'LATE' | 'WAIVED';

/** One obligation as GET /api/organisations/{id}/obligations serves it. */
export type Obligation = {
  key: string;
  kind: ObligationKind;
  certificateId: string | null;
  certificateNumber: string | null;
  eventId: string | null;
  provinceId: string | null;
  year: number | null;
  startsOn: string;
  dueDate: string;
  status: ObligationStatus;
  doneOn: string | null;
  legalBasis: string;
  evidence: { disbursements: number; reports: number; aidItems: number; firstActivityOn: string | null } | null;
  record: {
    recordedBy: string;
    recordedAt: string;
    reason: string | null;
    note: string | null;
    fileName: string | null;
    documentUrl: string | null;
  } | null;
  canFulfil: boolean;
  canWaive: boolean;
};

export type ObligationsView = {
  organisationId: string;
  organisationName: string;
  asOf: string;
  items: Obligation[];
  score: { score: number; late: number; doneLate: number };
};

export const obligationsPath = (organisationId: string) => `/api/organisations/${organisationId}/obligations`;
export const fetchObligations = (organisationId: string) => api.get<ObligationsView>(obligationsPath(organisationId));
const keyPath = (organisationId: string, key: string) => `${obligationsPath(organisationId)}/${encodeURIComponent(key)}`;

/** The NGO records an obligation as done; the plan's file goes after the fields (the server reads them first). */
export function fulfil(organisationId: string, key: string, values: { doneOn: string; note: string; file: File | null }) {
  const form = new FormData();
  if (values.doneOn) form.append('doneOn', values.doneOn);
  if (values.note) form.append('note', values.note);
  if (values.file) {
    form.append('file', values.file);
    return api.upload(`${keyPath(organisationId, key)}/fulfil`, form);
  }
  return api.post(`${keyPath(organisationId, key)}/fulfil`, { doneOn: values.doneOn || undefined, note: values.note || undefined });
}

export const waive = (organisationId: string, key: string, reason: string) => api.post(`${keyPath(organisationId, key)}/waive`, { reason });

/** Records the day the certificate decision was received (the clocks of O1 and O2 count from it). */
export const recordReceipt = (organisationId: string, eventId: string, receivedOn: string) =>
  api.put(`/api/organisations/${organisationId}/certificate-receipts`, { eventId, receivedOn });
