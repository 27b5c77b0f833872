/**
 * The publisher's exact DAC codes of an IATI import (issue 16 #7), kept in aid_sector_codes beside the vnaid sector
 * each one folds into (src/domain/iati/sector-exact.ts says why). Per vocabulary (1: 5-digit, 2: 3-digit) the codes
 * that map to a vnaid sector are kept with shares rescaled to 100 (two decimals, as aid_sectors); a vocabulary
 * whose codes do not cover exactly the item's vnaid sectors is not kept (the export then writes vnaid's primary
 * codes), nor are codes that are just vnaid's primary codes of its sectors (vnaid's own export re-imported).
 * Written after the item's sectors (a code row references its sector row), replaced whenever they are.
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { IatiActivity } from '@domain/iati/model';
import { codesWorthKeeping, publishedDacCodes, type DacVocabulary, type ExactSectorCode } from '@domain/iati/sector-exact';
import { normalizeDecimal } from '@domain/money/decimal';
import type { VnaidSectorCode } from '@domain/iati/sector-codes';
import { normaliseShares, type Share } from './iati-shares';

type Db = Kysely<Database> | Transaction<Database>;

/** An exact code as stored (column names follow aid_sector_codes). */
export type DraftSectorCode = { vocabulary: DacVocabulary; code: string; sector_code: VnaidSectorCode; share: string };

/**
 * The exact codes an item keeps beside its vnaid sector shares (see the module comment).
 * @param given the sectors its shares were derived from (activity-level, or derived from the transactions)
 */
export function draftSectorCodes(
  given: IatiActivity['sectors'],
  shares: readonly Share<VnaidSectorCode>[],
  relief: boolean,
): DraftSectorCode[] {
  if (shares.length === 0) return [];
  const sectors = new Set(shares.map((s) => s.key));
  const published = publishedDacCodes(given);
  const kept: ExactSectorCode[] = [];
  for (const vocabulary of ['1', '2'] as const) {
    const list = published.filter((c) => c.vocabulary === vocabulary);
    const sectorOf = new Map(list.map((c) => [c.code, c.sector]));
    const normalised = normaliseShares(list.map((c) => ({ key: c.code, share: c.percentage }))).shares.map((s) => ({
      vocabulary,
      code: s.key,
      sector: sectorOf.get(s.key)!,
      percentage: s.share,
    }));
    const covered = new Set(normalised.map((c) => c.sector));
    if (normalised.length > 0 && covered.size === sectors.size && [...covered].every((s) => sectors.has(s))) kept.push(...normalised);
  }
  return codesWorthKeeping(
    kept,
    shares.map((s) => ({ sector: s.key, percentage: s.share })),
    { relief },
  ).map((c) => ({ vocabulary: c.vocabulary, code: c.code, sector_code: c.sector, share: c.percentage }));
}

const codeKey = (c: { vocabulary: string; code: string; sector_code: string; share: string }) =>
  `${c.vocabulary} ${c.code} ${c.sector_code}=${normalizeDecimal(c.share)}`;

/** The part of a planned activity this module reads. */
type Planned = {
  existing: { id: string } | undefined;
  draft: { sectors: readonly unknown[]; sectorCodes: DraftSectorCode[] };
  changes: string[];
};

/** Adds `sector_codes` to the changes of existing items whose file gives other exact codes than stored (one query). */
export async function noteSectorCodeChanges(db: Db, planned: readonly Planned[]): Promise<void> {
  const listing = planned.filter((p) => p.existing && p.draft.sectors.length > 0);
  if (listing.length === 0) return;
  const rows = await db
    .selectFrom('aid_sector_codes')
    .select(['aid_item_id', 'vocabulary', 'code', 'sector_code', sql<string>`share::text`.as('share')])
    .where(
      'aid_item_id',
      'in',
      listing.map((p) => p.existing!.id),
    )
    .execute();
  for (const p of listing) {
    const stored = rows
      .filter((r) => r.aid_item_id === p.existing!.id)
      .map(codeKey)
      .sort();
    const given = p.draft.sectorCodes.map(codeKey).sort();
    if (stored.length !== given.length || stored.some((k, i) => k !== given[i])) {
      if (!p.changes.includes('sectors')) p.changes.push('sector_codes');
    }
  }
}

/** Replaces the exact codes of created and changed items whose file lists sectors (after their aid_sectors rows). */
export async function writeSectorCodes(
  trx: Transaction<Database>,
  items: readonly { id: string; p: { existing?: unknown; draft: { sectors: readonly unknown[]; sectorCodes: DraftSectorCode[] } } }[],
): Promise<void> {
  const listing = items.filter(({ p }) => p.draft.sectors.length > 0);
  const replaced = listing.filter(({ p }) => p.existing).map(({ id }) => id);
  if (replaced.length) await sql`delete from aid_sector_codes where aid_item_id = any(${replaced}::uuid[])`.execute(trx);
  const rows = listing.flatMap(({ id, p }) => p.draft.sectorCodes.map((c) => ({ aid_item_id: id, ...c })));
  if (rows.length === 0) return;
  await sql`
    insert into aid_sector_codes (aid_item_id, sector_code, vocabulary, code, share)
    select aid_item_id, sector_code, vocabulary, code, share
    from jsonb_to_recordset(${sql`${JSON.stringify(rows)}::jsonb`}) as v(aid_item_id uuid, sector_code text, vocabulary text, code text, share numeric)`.execute(
    trx,
  );
}
