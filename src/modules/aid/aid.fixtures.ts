import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AidItemTable, Database } from '@db/types';

/** Test data builders for the aid registry: the rows a test needs, with defaults for the rest. */
const unique = () => randomBytes(4).toString('hex').toUpperCase();

export async function buildOrganisation(db: Kysely<Database>, overrides: { name?: string; country?: string; synthetic?: boolean } = {}) {
  return db
    .insertInto('organisations')
    .values({
      code: `T-${unique()}`,
      name_original: overrides.name ?? `Test NGO ${unique()}`,
      name_en: overrides.name ?? null,
      country_code: overrides.country ?? 'GB',
      synthetic: overrides.synthetic ?? false,
    })
    .returning(['id', 'code', 'name_original'])
    .executeTakeFirstOrThrow();
}

type ItemOptions = Partial<Insertable<AidItemTable>> & { provinces?: [string, string][]; sectors?: [string, string][] };

/** An aid item with its locations (`[provinceId, share]`) and sectors (`[code, share]`). */
export async function buildAidItem(db: Kysely<Database>, options: ItemOptions = {}) {
  const { provinces = [['new34:04', '100']], sectors = [['YTE', '100']], ...columns } = options;
  const item = await db
    .insertInto('aid_items')
    .values({
      code: `AID-${unique()}`,
      modality: 'PROJECT',
      title_vi: `Dự án thử nghiệm ${unique()}`,
      status: 'IMPLEMENTING',
      other_donor_name: columns.organisation_id ? null : 'Other donor',
      ...columns,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (provinces.length)
    await db
      .insertInto('aid_locations')
      .values(provinces.map(([province_id, share]) => ({ aid_item_id: item.id, province_id, share })))
      .execute();
  if (sectors.length)
    await db
      .insertInto('aid_sectors')
      .values(sectors.map(([sector_code, share]) => ({ aid_item_id: item.id, sector_code, share })))
      .execute();
  return item;
}

/** A USD commitment and a USD disbursement of an item on `date` (what statistics count). */
export async function buildMoney(db: Kysely<Database>, itemId: string, date: string, committed: string, disbursed: string) {
  const tx = (kind: 'COMMITMENT' | 'DISBURSEMENT', amount: string) => ({
    aid_item_id: itemId,
    kind,
    tx_date: date,
    amount,
    currency: 'USD',
    amount_usd: amount,
    amount_vnd: '1',
  });
  await db
    .insertInto('aid_transactions')
    .values([tx('COMMITMENT', committed), tx('DISBURSEMENT', disbursed)])
    .execute();
}

/** `count` synthetic organisations coded DEMO-0001…, the ones the demo seeds pick their partners from. */
export async function buildDemoOrganisations(db: Kysely<Database>, count: number) {
  await db
    .insertInto('organisations')
    .values(
      Array.from({ length: count }, (_, i) => ({
        code: `DEMO-${String(i + 1).padStart(4, '0')}`,
        name_original: `Synthetic NGO ${i + 1}`,
        country_code: 'GB',
        synthetic: true,
      })),
    )
    .execute();
}
