import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { certificateAsOf, organisationStatusAsOf } from '@domain/registration';
import { notFound } from '@errors/app-error';
import { publicAwardsOf } from '@modules/programme/awards.repository';
import { organisationCertificates } from './certificates.repository';
import type { PublicProfile } from './directory.schemas';
import { publiclyListed } from './registry.policy';
import type { Lang } from '@modules/stats/stats.present';
import { publicProfileAid } from './public-profile-aid';
import { publicDecisionHistory } from './public-profile-history';

type Named = { id: string; nameVi: string; nameEn: string };

/** Each named thing once, in first-seen order. */
const uniqueById = (items: readonly Named[]): Named[] => [...new Map(items.map((n) => [n.id, n])).values()];

/** Names of provinces and sectors, for showing certificate content. */
export async function referenceNames(db: Kysely<Database>, provinceIds: readonly string[], sectorCodes: readonly string[]) {
  const [provinces, sectors] = await Promise.all([
    provinceIds.length
      ? db
          .selectFrom('provinces')
          .select(['id', 'name_vi', 'name_en'])
          .where('id', 'in', [...provinceIds])
          .execute()
      : [],
    sectorCodes.length
      ? db
          .selectFrom('sectors')
          .select(['code as id', 'name_vi', 'name_en'])
          .where('code', 'in', [...sectorCodes])
          .execute()
      : [],
  ]);
  const toMap = (rows: { id: string; name_vi: string; name_en: string }[]) =>
    new Map(rows.map((r) => [r.id, { id: r.id, nameVi: r.name_vi, nameEn: r.name_en }]));
  const p = toMap(provinces);
  const s = toMap(sectors);
  return {
    province: (id: string): Named => p.get(id) ?? { id, nameVi: id, nameEn: id },
    sector: (code: string): Named => s.get(code) ?? { id: code, nameVi: code, nameEn: code },
  };
}

/**
 * The public profile of an organisation: names, country, website, mission, and the certificates in force on
 * `today` as they stand that day (type, number, validity, provinces, fields). Never any person data. Only
 * organisations that hold or held a certificate are public (404 otherwise). Also what it does (fields and
 * provinces in force), its representative office, the history of its certificates and its approved aid in Viet Nam
 * over the last five years (public-profile-*.ts), names of aid parts in `lang`.
 */
export async function publicProfileOf(db: Kysely<Database>, id: string, today: string, lang: Lang = 'vi'): Promise<PublicProfile> {
  const org = await db
    .selectFrom('organisations as o')
    .innerJoin('countries as cn', 'cn.code', 'o.country_code')
    .select([
      'o.id',
      'o.name_original',
      'o.name_vi',
      'o.name_en',
      'o.acronym',
      'o.country_code',
      'cn.name_vi as country_vi',
      'cn.name_en as country_en',
      'o.org_type',
      'o.website',
      'o.email',
      'o.hq_address',
      'o.mission',
      'o.synthetic',
    ])
    .where('o.id', '=', id)
    .where(publiclyListed(today))
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  const [{ rows, records }, awards, aid] = await Promise.all([
    organisationCertificates(db, id),
    publicAwardsOf(db, id),
    publicProfileAid(db, id, Number(today.slice(0, 4)), lang),
  ]);
  const current = records
    .map((record, i) => ({ record, row: rows[i]!, snap: certificateAsOf(record.events, today) }))
    .filter(({ snap }) => (snap.status === 'ACTIVE' || snap.status === 'SUSPENDED') && snap.content !== null);
  const names = await referenceNames(
    db,
    current.flatMap(({ snap }) => [...snap.content!.provinces, ...(snap.content!.officeProvince ? [snap.content!.officeProvince] : [])]),
    current.flatMap(({ snap }) => [...snap.content!.sectors]),
  );
  const certificates = current.map(({ row, snap }) => ({
    id: row.id,
    type: row.type,
    number: row.number,
    status: snap.status,
    validFrom: snap.content!.validFrom,
    validUntil: snap.content!.validUntil,
    provinces: snap.content!.provinces.map(names.province),
    sectors: snap.content!.sectors.map(names.sector),
    officeProvince: snap.content!.officeProvince ? names.province(snap.content!.officeProvince) : null,
  }));
  const office = certificates.find((c) => c.type === 'GDKVPDD' && c.officeProvince) ?? certificates.find((c) => c.officeProvince);
  return {
    id: org.id,
    name: org.name_original,
    nameVi: org.name_vi,
    nameEn: org.name_en,
    acronym: org.acronym,
    country: org.country_code,
    countryNameVi: org.country_vi,
    countryNameEn: org.country_en,
    orgType: org.org_type,
    website: org.website,
    email: org.email,
    hqAddress: org.hq_address,
    mission: org.mission,
    status: organisationStatusAsOf(records, today),
    synthetic: org.synthetic,
    certificates,
    awards,
    activity: {
      sectors: uniqueById(certificates.flatMap((c) => c.sectors)),
      provinces: uniqueById(certificates.flatMap((c) => c.provinces)),
    },
    office: office ? { certificateNumber: office.number, province: office.officeProvince! } : null,
    history: publicDecisionHistory(rows, records, today),
    aid,
  };
}
