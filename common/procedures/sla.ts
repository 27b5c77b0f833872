/**
 * The shape of the SLA view (GET /api/procedures/sla), shared by the server that builds it and the screen that shows
 * it.
 */

/** On-time figures of one procedure or one acting agency. */
export type SlaFigures = {
  nameVi: string;
  nameEn: string;
  finished: number;
  finishedOnTime: number;
  onTimeShare: number | null;
  medianDays: number | null;
  open: number;
  openOverdue: number;
};

/** A dossier (its current step or overall limit) or a consultation past its due date. */
export type SlaOverdueEntry = {
  kind: 'DOSSIER' | 'CONSULTATION';
  dossierId: string;
  code: string | null;
  organisationName: string;
  procedureCode: string;
  /** The step's code and its name in both languages. */
  step: string;
  stepNameVi: string;
  stepNameEn: string;
  agencyId: string | null;
  dueDate: string | null;
  overdueDays: number;
  /** Whether `overdueDays` counts working days or calendar days, so the screen can say which. */
  unit: 'WORKING' | 'CALENDAR';
};

/** The whole view. */
export type SlaView = {
  asOf: string;
  byProcedure: (SlaFigures & { procedureCode: string })[];
  byAgency: (SlaFigures & { agencyId: string })[];
  overdue: SlaOverdueEntry[];
};
