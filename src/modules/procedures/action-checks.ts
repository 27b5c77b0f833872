/**
 * Which of the actions the state machine allows the caller would also pass the action's own checks now, so the
 * dossier page offers only actions that will succeed and says why the others cannot be taken yet (issue 13 §2).
 * The checks are the ones {@link performAction} runs (the same functions, not copies): the document checklist, the
 * application rules and the decision's registry rules at submission; every supplement asked for; no request for an
 * opinion still pending when the dossier goes to MOFA.
 */
import type { Kysely, Transaction } from 'kysely';
import { procedureFor, type DossierAction, type ProcedureVersion } from '@domain/procedures';
import type { WorkingCalendar } from '@domain/calendar';
import { DomainRuleError } from '@domain/rule-error';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import { validateApplication } from './application-rules';
import { decisionRuleViolations } from './decision-precheck';
import { missingDocuments } from './documents.service';
import type { DossierParts, DossierRow } from './dossiers.repository';

/** One action the caller's role may take in this state, and whether its checks pass now (else the error code). */
export type ActionCheck = { action: DossierAction; available: boolean; reason: string | null };

type CheckContext = {
  db: Kysely<Database>;
  row: DossierRow;
  version: ProcedureVersion;
  catalogue: readonly ProcedureVersion[];
  parts: DossierParts;
  calendar: WorkingCalendar;
  today: string;
};

const errorCode = (error: unknown): string => {
  if (error instanceof AppError || error instanceof DomainRuleError) return error.code;
  throw error;
};

async function submitBlocker(c: CheckContext): Promise<string | null> {
  const version = procedureFor(c.row.procedure_code, c.today, c.catalogue);
  const present = new Set(c.parts.documents.filter((d) => d.superseded_at === null).map((d) => d.document_code));
  if (missingDocuments(version.documents, present).length) return 'dossier_documents_missing';
  try {
    await validateApplication(c.db as unknown as Transaction<Database>, c.row, version);
  } catch (error) {
    return errorCode(error);
  }
  const [violation] = await decisionRuleViolations(c.db, c.row, c.today, (d, n) => c.calendar.addWorkingDays(d, n));
  return violation ? violation.code : null;
}

function supplementBlocker(c: CheckContext): string | null {
  const open = c.parts.supplements.find((s) => s.answered_at === null);
  const current = c.parts.documents.filter((d) => d.superseded_at === null);
  const fromRequest = new Set(current.filter((d) => open && d.supplement_request_id === open.id).map((d) => d.document_code));
  if (open && open.document_codes.some((code) => !fromRequest.has(code))) return 'dossier_documents_missing';
  return missingDocuments(c.version.documents, new Set(current.map((d) => d.document_code))).length ? 'dossier_documents_missing' : null;
}

/** The reason `action` would be refused now, or null when it would pass. */
async function blocker(action: DossierAction, c: CheckContext): Promise<string | null> {
  switch (action) {
    case 'SUBMIT':
      return submitBlocker(c);
    case 'SUPPLEMENT':
      return supplementBlocker(c);
    case 'FORWARD_TO_MOFA':
      return c.parts.consultations.some((x) => x.status === 'PENDING') ? 'consultations_pending' : null;
    default:
      return null;
  }
}

/** Checks each of `actions` (those the state machine allows the caller) against the dossier as it is now. */
export async function checkActions(actions: readonly DossierAction[], c: CheckContext): Promise<ActionCheck[]> {
  return Promise.all(
    actions.map(async (action) => {
      const reason = await blocker(action, c);
      return { action, available: reason === null, reason };
    }),
  );
}
