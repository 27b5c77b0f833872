import { sql } from 'kysely';
import type { Language } from '@common/i18n/languages';
import { AppError } from '@errors/app-error';
import type { OrganisationView } from './organisations.schemas';
import { rt } from './registry-messages';
import type { Db } from '@db/transaction';

/** Bookkeeping columns that change on every write and say nothing about what a person changed. */
const IGNORED = new Set(['updated_at', 'version', 'created_at', 'search_text', 'id']);

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The fields (API names) that differ between two audit snapshots. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)).map(camel);
}

/**
 * The 409 for an edit based on an old version. It says what changed since that version, who changed it and when
 * (from the audit trail, which holds a before/after snapshot of every write), and carries the current record, so
 * the person can review the changes and redo the edit.
 */
export async function staleEditError(
  db: Db,
  organisationId: string,
  clientVersion: number,
  current: OrganisationView,
  lang: Language,
): Promise<AppError> {
  const entries = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_label', 'before', 'after'])
    .where('entity_type', '=', 'organisation')
    .where('entity_id', '=', organisationId)
    .where(sql<boolean>`coalesce((after ->> 'version')::int, 0) > ${clientVersion}`)
    .orderBy('at')
    .execute();
  const fields = [...new Set(entries.flatMap((e) => changedFields(e.before, e.after)))];
  const last = entries.at(-1);
  const labels = fields.map((f) => rt(lang, `fields.${f}`));
  const changedAt = last ? last.at.toISOString() : null;
  const summary = rt(lang, 'stale.summary', {
    by: last?.actor_label ?? rt(lang, 'stale.unknown'),
    at: changedAt
      ? new Date(changedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
      : rt(lang, 'stale.unknown'),
    version: current.version,
    fields: labels.length ? labels.join(', ') : rt(lang, 'stale.unknown'),
  });
  return new AppError('stale_version', {
    details: {
      yourVersion: clientVersion,
      currentVersion: current.version,
      changedFields: fields,
      changedBy: last?.actor_label ?? null,
      changedAt,
      summary,
      current,
    },
  });
}
