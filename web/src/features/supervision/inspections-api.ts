/** Shapes the inspection screens read from the API (src/modules/supervision/inspections.schemas.ts). */
export type InspectionKind = 'THANH_TRA' | 'KIEM_TRA' | 'GIAM_SAT' | 'FIELD_VISIT';
export const INSPECTION_KINDS: InspectionKind[] = ['THANH_TRA', 'KIEM_TRA', 'GIAM_SAT', 'FIELD_VISIT'];

export type Named = { id: string; nameVi: string; nameEn: string };
export type OrganisationRef = { id: string; code: string; name: string };
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** An agency's name in the screen's language. */
export const named = (lang: string, a: Named) => (lang === 'en' ? a.nameEn : a.nameVi);

export type PlanListItem = { id: string; year: number; title: string; ownerAgency: Named | null; entries: number; synthetic: boolean };
export type PlanEntry = {
  id: string;
  organisation: OrganisationRef;
  kind: InspectionKind;
  provinceIds: string[];
  leadAgency: Named;
  agencies: Named[];
  plannedFrom: string;
  plannedTo: string;
  note: string | null;
  inspectionId: string | null;
};
export type PlanDetail = PlanListItem & { entryList: PlanEntry[]; canEdit: boolean; version: number };

export type InspectionListItem = {
  id: string;
  organisation: OrganisationRef;
  kind: InspectionKind;
  leadAgency: Named;
  startsOn: string;
  endsOn: string | null;
  closedOn: string | null;
  findings: number;
  openActions: number;
  overdueActions: number;
  synthetic: boolean;
};
export type Finding = { id: string; description: string; recommendation: string | null; createdAt: string };
export type FollowUpAction = {
  id: string;
  findingId: string | null;
  description: string;
  ownerAgency: Named;
  dueDate: string;
  status: 'OPEN' | 'DONE';
  doneOn: string | null;
  overdue: boolean;
  canChangeStatus: boolean;
  version: number;
};
export type InspectionDocument = { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; uploadedAt: string };
export type InspectionDetail = InspectionListItem & {
  planEntryId: string | null;
  agencies: Named[];
  provinceIds: string[];
  team: string[];
  scope: string | null;
  closureSummary: string | null;
  findingList: Finding[];
  actions: FollowUpAction[];
  documents: InspectionDocument[];
  canEdit: boolean;
  sanctionUrl: string | null;
  version: number;
};
export type OrganisationFinding = Finding & {
  inspectionId: string;
  kind: InspectionKind;
  startsOn: string;
  closedOn: string | null;
  leadAgency: Named;
  openActions: number;
};

export const inspectionPath = (id: string) => `/api/supervision/inspections/${id}`;
export const planPath = (id: string) => `/api/supervision/inspection-plans/${id}`;
