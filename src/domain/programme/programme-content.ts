/**
 * A national programme on cooperation and aid mobilisation as data (domain.md §4): the decision that issued it,
 * its period, goal, objectives, priority fields (each mapped to vnaid sector codes, so aid and proposals can be
 * counted against them), principles, indicators with targets and units, and the agencies responsible. Elements
 * not settled by an issued text carry `provisional: true` (the 2026–2030 orientation has no decision yet).
 * @module
 */

/** The issuing decision: number as written (`1225/QĐ-TTg`), signing date (YYYY-MM-DD), signer. */
export type ProgrammeDecision = { number: string; date: string; signer: string; effectiveFrom: string | null };

export type ProgrammeObjective = { code: string; textVi: string; textEn: string; provisional: boolean };
export type ProgrammePriority = { code: string; nameVi: string; nameEn: string; sectorCodes: string[]; provisional: boolean };
export type ProgrammePrinciple = { code: string; textVi: string; textEn: string };

/** Units an indicator's target is expressed in (labelled in common/i18n/{vi,en}/programme.json `units`). */
export const indicatorUnits = ['million_usd_per_year', 'million_usd', 'organisations', 'projects', 'percent', 'people'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** `target` is a decimal string (null: no target set yet). */
export type ProgrammeIndicator = {
  code: string;
  nameVi: string;
  nameEn: string;
  target: string | null;
  unit: IndicatorUnit;
  provisional: boolean;
};
export type ProgrammeAgency = { agencyId: string; roleVi: string; roleEn: string };

export type ProgrammeContent = {
  titleVi: string;
  titleEn: string;
  decision: ProgrammeDecision | null;
  /** For an orientation agreed before any decision: the date it was agreed. */
  agreedOn: string | null;
  from: number;
  to: number;
  provisional: boolean;
  goalVi: string;
  goalEn: string;
  objectives: ProgrammeObjective[];
  priorities: ProgrammePriority[];
  principles: ProgrammePrinciple[];
  indicators: ProgrammeIndicator[];
  agencies: ProgrammeAgency[];
  sources: string[];
};

/** A problem with a programme's content, as a field path and a message key. */
export type ProgrammeIssue = { path: string; message: string };

const duplicates = (codes: string[]) => codes.filter((code, i) => codes.indexOf(code) !== i);

/**
 * The rules the shape alone cannot say: a period that runs forwards, codes unique within each list, a decision
 * dated no later than the period's last year, and every priority mapped to at least one sector. Reference codes
 * (sectors, agencies) are checked against the database by the service.
 */
export function programmeContentIssues(content: ProgrammeContent): ProgrammeIssue[] {
  const issues: ProgrammeIssue[] = [];
  if (content.to < content.from) issues.push({ path: 'body.content.to', message: 'period ends before it starts' });
  if (content.decision && Number(content.decision.date.slice(0, 4)) > content.to)
    issues.push({ path: 'body.content.decision.date', message: 'decision dated after the period' });
  for (const list of ['objectives', 'priorities', 'principles', 'indicators'] as const) {
    for (const code of new Set(duplicates(content[list].map((e) => e.code))))
      issues.push({ path: `body.content.${list}`, message: `duplicate code: ${code}` });
  }
  content.priorities.forEach((p, i) => {
    if (p.sectorCodes.length === 0) issues.push({ path: `body.content.priorities.${i}.sectorCodes`, message: 'no sector' });
  });
  return issues;
}

/** The sector codes a programme's priority field stands for (empty for an unknown priority). */
export function sectorsOfPriority(content: ProgrammeContent, priorityCode: string): string[] {
  return content.priorities.find((p) => p.code === priorityCode)?.sectorCodes ?? [];
}
