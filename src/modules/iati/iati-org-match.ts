import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { DonorRef } from './iati-import.convert';

type Db = Kysely<Database> | Transaction<Database>;

/** A registered organisation an IATI publisher may be. */
export type OrgHit = { organisationId: string; name: string; score: string };

/**
 * How an IATI publisher matched the registry:
 * - `ref`: an organisation holds its IATI identifier (certain);
 * - `name`: an organisation has exactly its name, accent- and case-insensitively, and no other IATI identifier;
 * - `likely`: a registered name is close ({@link LIKELY_SCORE}): a likely duplicate for a
 *   person to confirm, never linked automatically;
 * - `none`: a donor vnaid does not know; the aid item names it in clear.
 */
export type OrgMatch = { kind: 'ref' | 'name'; hit: OrgHit } | { kind: 'likely'; hit: OrgHit } | { kind: 'none' };

/**
 * Similarity (pg_trgm) of the distinctive part of the names (see {@link GENERIC_WORDS}) from which a registered
 * organisation counts as a likely duplicate: "Green Earth Foundation" ~ "Green Earth Foundation Vietnam" (1.0),
 * "CARE International" ~ "CARE International in Vietnam" (0.63); not "Oxfam" ~ "Oxfam Novib" (0.5), nor
 * "Medical Aid International" ~ "Medical Relief International" (0.42).
 */
export const LIKELY_SCORE = 0.6;

type Candidate = { id: string; name_original: string; iati_org_id: string | null; exact: boolean; score: number };

/**
 * Matches IATI publishers to registered organisations (see {@link OrgMatch}), caching by identifier and name so a
 * file with fifty thousand activities of one publisher costs one query. Uses the trigram index on
 * organisations.search_text (vn_fold of all names) to find candidates, then scores each name on its own.
 */
export class OrgMatcher {
  private readonly cache = new Map<string, Promise<OrgMatch>>();

  constructor(private readonly db: Db) {}

  /** The match of one donor (cached). */
  match(donor: DonorRef): Promise<OrgMatch> {
    const key = `${donor.ref ?? ''}\u0000${donor.nameEn ?? ''}\u0000${donor.nameVi ?? ''}\u0000${donor.name}`;
    let found = this.cache.get(key);
    if (!found) this.cache.set(key, (found = this.lookup(donor)));
    return found;
  }

  private async lookup(donor: DonorRef): Promise<OrgMatch> {
    if (donor.ref) {
      const byRef = await this.db
        .selectFrom('organisations')
        .select(['id', 'name_original'])
        .where('iati_org_id', '=', donor.ref)
        .executeTakeFirst();
      if (byRef) return { kind: 'ref', hit: { organisationId: byRef.id, name: byRef.name_original, score: '1.000' } };
    }
    const names = [...new Set([donor.nameEn, donor.nameVi, donor.name].filter((n): n is string => Boolean(n?.trim())))];
    let best: Candidate | undefined;
    for (const name of names) {
      for (const c of await this.candidates(name)) {
        // An organisation registered with another IATI identifier is another organisation of the same name.
        const exact = c.exact && (!donor.ref || !c.iati_org_id);
        const ranked = { ...c, exact };
        if (!best || Number(exact) > Number(best.exact) || (exact === best.exact && c.score > best.score)) best = ranked;
      }
    }
    if (!best) return { kind: 'none' };
    const hit = { organisationId: best.id, name: best.name_original, score: best.score.toFixed(3) };
    if (best.exact) return { kind: 'name', hit };
    return best.score >= LIKELY_SCORE ? { kind: 'likely', hit } : { kind: 'none' };
  }

  private async candidates(name: string): Promise<Candidate[]> {
    const { rows } = await sql<Candidate>`
      select o.id, o.name_original, o.iati_org_id,
        (vn_fold(o.name_original) = q.f or vn_fold(coalesce(o.name_en, '')) = q.f or vn_fold(coalesce(o.name_vi, '')) = q.f
          or lower(coalesce(o.acronym, '')) = q.f) as exact,
        greatest(similarity(${core(sql`o.name_original`)}, q.c), similarity(${core(sql`coalesce(o.name_en, '')`)}, q.c),
          similarity(${core(sql`coalesce(o.name_vi, '')`)}, q.c)) as score
      from organisations o, (select vn_fold(${name}) as f, ${core(sql`${name}::text`)} as c) q
      where q.f <% o.search_text
      order by exact desc, score desc, o.id
      limit 5`.execute(this.db);
    return rows;
  }
}

/**
 * Words most NGO names share ("International", "Foundation", "Tổ chức", "Quốc tế"…): they made "Example Relief
 * International" look like "Harmony International". Names are compared on what is left (accent-folded, lower case).
 */
const GENERIC_WORDS = [
  'international',
  'internationale',
  'foundation',
  'fund',
  'association',
  'organisation',
  'organization',
  'society',
  'institute',
  'inc',
  'ltd',
  'gmbh',
  'ev',
  'the',
  'of',
  'for',
  'and',
  'in',
  'ngo',
  'viet nam',
  'vietnam',
  'to chuc',
  'quoc te',
  'hoi',
  'quy',
];
const GENERIC = `\\m(${GENERIC_WORDS.join('|')})\\M`;

/** The distinctive part of a name, in SQL: folded, punctuation and generic words removed. */
const core = (value: RawBuilder<unknown>) =>
  sql<string>`trim(regexp_replace(regexp_replace(regexp_replace(vn_fold(${value}), '[^a-z0-9 ]', ' ', 'g'), ${GENERIC}, ' ', 'g'), '\\s+', ' ', 'g'))`;
