import type { Kysely } from 'kysely';
import { PROCEDURE_CATALOGUE, overrideProcedure, procedureFor, type ProcedureOverride, type ProcedureVersion } from '@domain/procedures';
import type { Database } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';

/**
 * The procedure catalogue in force: the built-in versions of src/domain/procedures with the parameters an
 * administrator edited on provisional versions (Decree 313/2025 until its text is confirmed). Small and read on
 * every dossier action, so it is rebuilt from one tiny query each time rather than cached.
 */
export async function loadCatalogue(db: Kysely<Database>): Promise<ProcedureVersion[]> {
  const rows = await db.selectFrom('procedure_overrides').selectAll().execute();
  let catalogue: ProcedureVersion[] = [...PROCEDURE_CATALOGUE];
  for (const row of rows) {
    if (!catalogue.some((v) => v.versionId === row.version_id)) continue;
    catalogue = overrideProcedure(catalogue, row.version_id, toOverride(row));
  }
  return catalogue;
}

function toOverride(row: {
  overall_limit_days: number | null;
  step_deadline_days: Record<string, number>;
  parameters: Record<string, number>;
}): ProcedureOverride {
  return {
    ...(row.overall_limit_days !== null ? { overallLimitDays: row.overall_limit_days } : {}),
    stepDeadlineDays: row.step_deadline_days,
    parameters: row.parameters,
  };
}

/** One version by id (the version a dossier is governed by). */
export function versionById(catalogue: readonly ProcedureVersion[], versionId: string): ProcedureVersion {
  const version = catalogue.find((v) => v.versionId === versionId);
  if (!version) throw notFound('procedure_version');
  return version;
}

/** A step's code with its names, for lists and messages (the code stands in when the version has no such step). */
export function stepNames(version: ProcedureVersion, code: string): { step: string; stepNameVi: string; stepNameEn: string } {
  const step = version.steps.find((s) => s.code === code);
  return { step: code, stepNameVi: step?.name.vi ?? code, stepNameEn: step?.name.en ?? code };
}

/** The step in which consulted agencies answer (S3_OPINION in Decree 58 procedures, A3_OPINION in aid approval). */
export const consultedStepCode = (version: ProcedureVersion): string =>
  version.steps.find((s) => s.role === 'CONSULTED_AGENCY')?.code ?? 'S3_OPINION';

/** The version of `code` in force on `date`, from the edited catalogue. */
export async function versionInForce(db: Kysely<Database>, code: string, date: string): Promise<ProcedureVersion> {
  return procedureFor(code, date, await loadCatalogue(db));
}

export type OverrideInput = ProcedureOverride & { legalNote?: string | null; version?: number };

/**
 * Saves edited parameters of a provisional version. The domain refuses edits of enacted versions
 * (`procedure_not_editable`) and bad values (`procedure_override_invalid`), both 422.
 */
export async function saveOverride(db: Kysely<Database>, ctx: WriteContext, versionId: string, input: OverrideInput) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('procedure_overrides')
      .selectAll()
      .where('version_id', '=', versionId)
      .forUpdate()
      .executeTakeFirst();
    const currentVersion = before?.version ?? 0;
    if (input.version !== undefined && input.version !== currentVersion) throw staleVersion({ currentVersion });
    const merged: ProcedureOverride = {
      ...(input.overallLimitDays !== undefined
        ? { overallLimitDays: input.overallLimitDays }
        : before?.overall_limit_days != null
          ? { overallLimitDays: before.overall_limit_days }
          : {}),
      stepDeadlineDays: { ...(before?.step_deadline_days ?? {}), ...(input.stepDeadlineDays ?? {}) },
      parameters: { ...(before?.parameters ?? {}), ...(input.parameters ?? {}) },
    };
    // Validates against the built-in version (throws DomainRuleError on an enacted version or a bad value).
    overrideProcedure(PROCEDURE_CATALOGUE, versionId, merged);
    const values = {
      overall_limit_days: merged.overallLimitDays ?? null,
      step_deadline_days: JSON.stringify(merged.stepDeadlineDays ?? {}),
      parameters: JSON.stringify(merged.parameters ?? {}),
      legal_note: input.legalNote === undefined ? (before?.legal_note ?? null) : input.legalNote,
      updated_by: ctx.actor?.userId ?? null,
      updated_at: new Date(),
    };
    const after = before
      ? await trx
          .updateTable('procedure_overrides')
          .set({ ...values, version: before.version + 1 })
          .where('version_id', '=', versionId)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('procedure_overrides')
          .values({ version_id: versionId, ...values })
          .returningAll()
          .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'procedure.override',
      entityType: 'procedure_version',
      entityId: versionId,
      before: before ?? null,
      after,
    });
    if (!after) throw new AppError('internal_error');
    return { version: after.version, legalNote: after.legal_note };
  });
}

/** The override row of each version (edit counter and note), for the catalogue view. */
export async function overrideMeta(
  db: Kysely<Database>,
): Promise<Map<string, { version: number; legalNote: string | null; updatedAt: string }>> {
  const rows = await db.selectFrom('procedure_overrides').select(['version_id', 'version', 'legal_note', 'updated_at']).execute();
  return new Map(rows.map((r) => [r.version_id, { version: r.version, legalNote: r.legal_note, updatedAt: r.updated_at.toISOString() }]));
}
