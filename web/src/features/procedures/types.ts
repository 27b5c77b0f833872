/** Shapes of the procedures API as the screens use them (see src/modules/procedures/*.schemas.ts). */
export type Clock = {
  days: number;
  unit: 'WORKING' | 'CALENDAR';
  startedOn: string | null;
  dueDate: string | null;
  elapsedDays: number;
  remainingDays: number;
  overdueDays: number;
  paused: boolean;
  state: 'NOT_STARTED' | 'RUNNING' | 'PAUSED' | 'DONE';
  finishedOn: string | null;
  onTime: boolean | null;
};
export type Named = { nameVi: string; nameEn: string };
export type StepView = Named & { code: string; role: string; legalRef?: string; clock: Clock | null };
export type DossierListItem = {
  id: string;
  code: string | null;
  organisationId: string;
  organisationName: string;
  procedureCode: string;
  procedure: Named;
  status: string;
  clockState: string;
  submittedOn: string | null;
  overall: Clock | null;
  currentStep: (StepView & { clock: Clock }) | null;
  version: number;
};
export type Consultation = {
  id: string;
  agencyId: string;
  agency: Named;
  namedAgencyId: string | null;
  basis: string;
  status: 'PENDING' | 'ANSWERED' | 'SILENT' | 'CANCELLED';
  requestedOn: string;
  opinion: string | null;
  answer: string | null;
  answeredOn: string | null;
  channel: 'APP' | 'PAPER' | 'SILENCE' | null;
  letterNumber: string | null;
  letterDate: string | null;
  letter: { fileName: string; mediaType: string; sizeBytes: number } | null;
  clock: Clock;
  canAnswer: boolean;
  canRecord: boolean;
  silenceAllowed: boolean;
  version: number;
};
export type DossierDetail = Omit<DossierListItem, 'procedure'> & {
  procedure: Named & { versionId: string; legalDocument: string; legalRefs: string[]; provisional: boolean; copies: number };
  certificateId: string | null;
  certificate: { id: string; number: string; type: string; validUntil: string } | null;
  application: Record<string, unknown>;
  dates: Record<string, string | null>;
  decision: {
    outcome?: string;
    decisionNumber?: string;
    decisionDate?: string;
    validUntil?: string | null;
    reason?: string;
    /** Aid approval: the decision's content (D80 Art. 11). */
    content?: AidDecisionContentView | null;
  } | null;
  resultCertificate: { id: string; number: string; type: string; validUntil: string } | null;
  aidItemId: string | null;
  /** Aid approval: the body that receives, appraises and decides it. */
  handlingAgencyId: string | null;
  steps: (StepView & { legalRef: string; doneOn: string | null })[];
  pauses: { from: string; to: string | null; reason: string }[];
  checklist: (Named & {
    code: string;
    required: boolean;
    oneOf: string | null;
    conditionVi: string | null;
    conditionEn: string | null;
    documentId: string | null;
  })[];
  documents: {
    id: string;
    documentCode: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedAt: string;
    superseded: boolean;
    supplementRequestId: string | null;
  }[];
  supplements: {
    id: string;
    message: string;
    documentCodes: string[];
    duringClock: boolean;
    requestedOn: string;
    answeredOn: string | null;
    answerNote: string | null;
  }[];
  consultations: Consultation[];
  timeline: {
    at: string;
    onDate: string;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    note: string | null;
    details: Record<string, unknown>;
  }[];
  myRoles: string[];
  allowedActions: string[];
  /** Every action the caller's role allows in this state, with the error code that would refuse it now. */
  actionChecks: { action: string; available: boolean; reason: string | null }[];
};
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type ProcedureVersion = Named & {
  code: string;
  versionId: string;
  legalDocument: string;
  legalRefs: string[];
  effectiveFrom: string;
  effectiveTo: string | null;
  provisional: boolean;
  inForce: boolean;
  overallLimit: { days: number; unit: 'WORKING' | 'CALENDAR'; anchor: string; direction: string } | null;
  copies: number;
  steps: (Named & {
    code: string;
    role: string;
    deadline: { days: number; unit: 'WORKING' | 'CALENDAR'; anchor: string; direction: 'AFTER' | 'BEFORE' } | null;
    legalRef: string;
    noteVi: string | null;
    noteEn: string | null;
  })[];
  documents: (Named & { code: string; required: boolean; oneOf: string | null; conditionVi: string | null; conditionEn: string | null })[];
  parameters: Record<string, number>;
  override: { version: number; legalNote: string | null; updatedAt: string } | null;
};

/** An aid approval decision's content as stored with the decision (see AidDecisionContent.tsx). */
export type AidDecisionContentView = {
  aidName?: string;
  donor?: string;
  aidOwner?: string;
  objectives?: string;
  inKind?: boolean;
  goods?: { name: string; quantity: string; unit: string; value?: string | null }[];
  value?: { amount: string; currency: string };
  counterpart?: { amount: string; source: string } | null;
  financialMechanism?: { budgetRevenue: boolean; note?: string | null };
  implementation?: { from: string; to: string };
  location?: { provinceIds: string[]; text?: string | null };
  prefilled?: boolean;
};
