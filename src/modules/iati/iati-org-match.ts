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

const keyOf = (donor: DonorRef) => `${donor.ref ?? ''}\u0000${donor.nameEn ?? ''}\u0000${donor.nameVi ?? ''}\u0000${donor.name}`;
/** The names a donor is matched by, in the order they are tried (English, Vietnamese, then the one shown). */
const namesOf = (donor: DonorRef) => [...new Set([donor.nameEn, donor.nameVi, donor.name].filter((n): n is string => Boolean(n?.trim())))];

/**
 * Matches IATI publishers to registered organisations (see {@link OrgMatch}), caching by identifier and names.
 *
 * {@link OrgMatcher.prefetch} decides a whole batch of activities' donors in a few set-based statements, because one
 * similarity query per donor (a trigram scan of the registry, each candidate's names cleaned by regular
 * expressions) made the dry run of vnaid's own export, with hundreds of donors, wait on the database most of its
 * time. The registry's folded names are read once per import; a donor named exactly like a registered organisation
 * (the usual case) only needs its name folded and that organisation scored. The others get the full candidate
 * search of every name at once. The outcome is the one the per-name search gives: an exact name beats any score,
 * then the best score wins, the first name and candidate on a tie.
 */
export class OrgMatcher {
  private readonly cache = new Map<string, OrgMatch>();
  private readonly byRef = new Map<string, { id: string; name_original: string } | null>();
  /** Each name's five best candidates (the full search), or only its exact ones when those decided its donors. */
  private readonly byName = new Map<string, Candidate[]>();
  private readonly exactOf = new Map<string, Candidate[]>();
  private keys: Promise<Map<string, string[]>> | undefined;

  constructor(private readonly db: Db) {}

  /** The match of one donor (cached; {@link prefetch} first saves queries across a batch). */
  async match(donor: DonorRef): Promise<OrgMatch> {
    const key = keyOf(donor);
    const found = this.cache.get(key);
    if (found) return found;
    await this.prefetch([donor]);
    return this.cache.get(key)!;
  }

  /** Decides the donors not seen yet, in a handful of statements whatever their number. */
  async prefetch(donors: readonly DonorRef[]): Promise<void> {
    const fresh = new Map<string, DonorRef>();
    for (const d of donors) {
      const key = keyOf(d);
      if (!this.cache.has(key) && !fresh.has(key)) fresh.set(key, d);
    }
    if (fresh.size === 0) return;
    await this.loadRefs([...fresh.values()]);
    // Names are only needed by donors whose identifier is not registered.
    const named = [...fresh].filter(([, d]) => !(d.ref && this.byRef.get(d.ref)));
    await this.loadExact([...new Set(named.flatMap(([, d]) => namesOf(d)))]);
    const undecided = named.filter(([, d]) => !this.exactMatch(d));
    const names = [...new Set(undecided.flatMap(([, d]) => namesOf(d)))].filter((n) => !this.byName.has(n));
    if (names.length) {
      for (const n of names) this.byName.set(n, []);
      for (const r of await this.candidates(names)) this.byName.get(r.name)!.push(r);
    }
    for (const [key, d] of fresh) this.cache.set(key, this.decide(d));
  }

  private async loadRefs(donors: DonorRef[]): Promise<void> {
    const refs = [...new Set(donors.flatMap((d) => (d.ref && !this.byRef.has(d.ref) ? [d.ref] : [])))];
    if (refs.length === 0) return;
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'name_original', 'iati_org_id'])
      .where('iati_org_id', 'in', refs)
      .execute();
    for (const ref of refs) this.byRef.set(ref, null);
    for (const r of rows) this.byRef.set(r.iati_org_id!, { id: r.id, name_original: r.name_original });
  }

  /** The registry's names as the search compares them exactly (folded names, lower-case acronym) → organisations. */
  private exactKeys(): Promise<Map<string, string[]>> {
    this.keys ??= sql<{ id: string; k: string }>`
      select id, unnest(array[vn_fold(name_original), vn_fold(coalesce(name_en, '')), vn_fold(coalesce(name_vi, '')),
        lower(coalesce(acronym, ''))]) as k
      from organisations`
      .execute(this.db)
      .then(({ rows }) => {
        const map = new Map<string, string[]>();
        for (const r of rows) {
          const ids = map.get(r.k) ?? [];
          if (!ids.includes(r.id)) ids.push(r.id);
          map.set(r.k, ids);
        }
        return map;
      });
    return this.keys;
  }

  /**
   * The exact candidates of each name, as the full search would rank them first: organisations holding the
   * folded name (or acronym) that the trigram filter also admits, best score first, five at most.
   */
  private async loadExact(names: string[]): Promise<void> {
    const fresh = names.filter((n) => !this.exactOf.has(n));
    if (fresh.length === 0) return;
    const { rows: folded } = await sql<{ name: string; f: string }>`
      select name, vn_fold(name) as f from unnest(${fresh}::text[]) as u(name)`.execute(this.db);
    const keys = await this.exactKeys();
    const pairs = folded.flatMap((r) => (keys.get(r.f) ?? []).map((id) => ({ name: r.name, id })));
    for (const n of fresh) this.exactOf.set(n, []);
    if (pairs.length === 0) return;
    const { rows } = await sql<Candidate & { name: string }>`
      select c.name, c.id, c.name_original, c.iati_org_id, true as exact, c.score
      from (
        select n.name, o.id, o.name_original, o.iati_org_id,
          greatest(similarity(${core(sql`o.name_original`)}, n.c), similarity(${core(sql`coalesce(o.name_en, '')`)}, n.c),
            similarity(${core(sql`coalesce(o.name_vi, '')`)}, n.c)) as score
        from (select name, id, vn_fold(name) as f, ${core(sql`name`)} as c
              from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p(name text, id uuid) offset 0) n
        join organisations o on o.id = n.id
        where n.f <% o.search_text) c
      order by c.name, c.score desc, c.id`.execute(this.db);
    for (const r of rows) {
      const list = this.exactOf.get(r.name)!;
      if (list.length < 5) list.push(r);
    }
  }

  /** The best exact candidate of a donor's names that stays exact under the identifier rule (see decide). */
  private exactMatch(donor: DonorRef): Candidate | undefined {
    let best: Candidate | undefined;
    for (const name of namesOf(donor))
      for (const c of this.exactOf.get(name) ?? []) if ((!donor.ref || !c.iati_org_id) && (!best || c.score > best.score)) best = c;
    return best;
  }

  private decide(donor: DonorRef): OrgMatch {
    const byRef = donor.ref ? this.byRef.get(donor.ref) : null;
    if (byRef) return { kind: 'ref', hit: { organisationId: byRef.id, name: byRef.name_original, score: '1.000' } };
    // An exact name beats any score: when one stays exact, the full search could not have ranked anything above it.
    let best: Candidate | undefined = this.exactMatch(donor);
    if (!best) {
      for (const name of namesOf(donor)) {
        for (const c of this.byName.get(name) ?? []) {
          // An organisation registered with another IATI identifier is another organisation of the same name.
          const exact = c.exact && (!donor.ref || !c.iati_org_id);
          const ranked = { ...c, exact };
          if (!best || Number(exact) > Number(best.exact) || (exact === best.exact && c.score > best.score)) best = ranked;
        }
      }
    }
    if (!best) return { kind: 'none' };
    const hit = { organisationId: best.id, name: best.name_original, score: best.score.toFixed(3) };
    if (best.exact) return { kind: 'name', hit };
    return best.score >= LIKELY_SCORE ? { kind: 'likely', hit } : { kind: 'none' };
  }

  /** The five best registered organisations of each name (its own ranking, as if asked alone), in one statement. */
  private async candidates(names: string[]): Promise<(Candidate & { name: string })[]> {
    const { rows } = await sql<Candidate & { name: string }>`
      select n.name, c.id, c.name_original, c.iati_org_id, c.exact, c.score
      -- offset 0 keeps each name folded once, not once per organisation scanned.
      from (select name, ord, vn_fold(name) as f, ${core(sql`name`)} as c from unnest(${names}::text[]) with ordinality as u(name, ord)
        offset 0) n
      cross join lateral (
        select o.id, o.name_original, o.iati_org_id,
          (vn_fold(o.name_original) = n.f or vn_fold(coalesce(o.name_en, '')) = n.f or vn_fold(coalesce(o.name_vi, '')) = n.f
            or lower(coalesce(o.acronym, '')) = n.f) as exact,
          greatest(similarity(${core(sql`o.name_original`)}, n.c), similarity(${core(sql`coalesce(o.name_en, '')`)}, n.c),
            similarity(${core(sql`coalesce(o.name_vi, '')`)}, n.c)) as score
        from organisations o
        where n.f <% o.search_text
        order by exact desc, score desc, o.id
        limit 5) c
      order by n.ord, c.exact desc, c.score desc, c.id`.execute(this.db);
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
