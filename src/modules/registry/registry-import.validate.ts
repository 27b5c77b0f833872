import type { Language } from '@common/i18n/languages';
import {
  checkNewCertificate,
  foldEvents,
  isCertificateType,
  isIsoDate,
  type AddWorkingDays,
  type CertificateEvent,
  type CertificateRecord,
  type CertificateType,
} from '@domain/registration';
import { defaultLegalGround, laterDecisions, notYetRecorded, replayLater, type LaterDecision } from './registry-import.history';
import { isWebUrl } from '@http/primitives';
import { ORG_COLUMNS, type ImportColumn, type ImportRow } from './registry-import.parse';
import { rt, ruleText } from './registry-messages';

/** One problem of the row-by-row report, in the request's language. */
export type ImportProblem = { row: number; column: string; message: string; code: string };

/** Reference data and what the database already holds, as the validator needs them. */
export type ImportContext = {
  lang: Language;
  countries: ReadonlySet<string>;
  /** Province id or folded alias → [id, current (new34) unit]. */
  province(value: string): { id: string; rollsUpTo: string } | undefined;
  /** Sector code or folded name → code. */
  sector(value: string): string | undefined;
  /** Organisations already registered, by code. */
  organisations: ReadonlyMap<string, { id: string; home_term_until: string | null; values: Record<string, unknown> }>;
  /** Certificate numbers already used → the organisation code holding them. */
  numbers: ReadonlyMap<string, string>;
  /** Existing certificates of the organisations named in the file, by organisation code. */
  certificates: ReadonlyMap<string, readonly CertificateRecord[]>;
  /** Certificate number → id, for the existing certificates above. */
  certificateIds: ReadonlyMap<string, string>;
  /** The working calendar the lifecycle counts with (registryWorkingDays). */
  addWorkingDays: AddWorkingDays;
};

const ORG_TYPES = ['NGO', 'SOCIAL_FUND', 'PRIVATE_FUND', 'FOUNDATION', 'OTHER'];

export type OrgPlan = {
  code: string;
  row: number;
  values: Partial<Record<(typeof ORG_COLUMNS)[number], string>>;
  existingId: string | null;
  changed: boolean;
};
export type CertPlan = {
  row: number;
  orgCode: string;
  type: CertificateType;
  number: string;
  issueDate: string;
  validUntil: string;
  provinceIds: string[];
  sectorCodes: string[];
  officeProvinceId: string | null;
  decisionNumber: string;
  decisionDate: string;
  legalGround: string;
  /** Extension and end recorded on the row, applied after the issue. */
  later: LaterDecision[];
};
/** Later decisions for a certificate already in the database (same organisation, same number). */
export type UpdatePlan = { row: number; orgCode: string; certificateId: string; record: CertificateRecord; later: LaterDecision[] };
export type ImportPlan = {
  organisations: OrgPlan[];
  certificates: CertPlan[];
  updates: UpdatePlan[];
  skipped: number;
  problems: ImportProblem[];
};

/** Which column a broken domain rule is about, so the report points at the right cell. */
const RULE_COLUMN: Record<string, ImportColumn> = {
  certificate_validity_exceeds_cap: 'valid_until',
  certificate_validity_exceeds_home_term: 'valid_until',
  certificate_validity_before_issue: 'valid_until',
  certificate_office_city: 'office_province',
  certificate_office_required: 'office_province',
  certificate_office_not_applicable: 'office_province',
  certificate_second_office: 'certificate_type',
  certificate_legacy_no_new_issue: 'certificate_type',
  certificate_provinces_required: 'provinces',
  certificate_sectors_required: 'sectors',
  certificate_decision_invalid: 'decision_date',
  certificate_legal_ground_required: 'legal_ground',
};

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Checks every row of a legacy list and plans the writes, collecting every problem (all rows, all columns) instead
 * of stopping at the first, so the report lists everything to fix in one pass. Certificates are checked with the
 * domain's issue rules against the organisation's existing certificates and those earlier in the file (by issue
 * date), so a second representative office in the same file is caught too.
 */
export function planImport(rows: readonly ImportRow[], ctx: ImportContext): ImportPlan {
  const problems: ImportProblem[] = [];
  const problem = (row: number, column: string, key: string, params?: Record<string, string | number>) =>
    problems.push({ row, column, code: key, message: rt(ctx.lang, `import.problems.${key}`, params) });
  const orgs = new Map<string, OrgPlan>();
  const certificates: CertPlan[] = [];
  const updates: UpdatePlan[] = [];
  const seenNumbers = new Map<string, number>();
  let skipped = 0;

  for (const { row, values: v } of rows) {
    const code = v.org_code;
    if (!code) {
      problem(row, 'org_code', 'required');
      continue;
    }
    let org = orgs.get(code);
    if (!org) {
      const existing = ctx.organisations.get(code);
      org = { code, row, values: {}, existingId: existing?.id ?? null, changed: false };
      orgs.set(code, org);
      if (!v.name_original && !existing) problem(row, 'name_original', 'required');
      if (!v.country && !existing) problem(row, 'country', 'required');
    }
    for (const column of ORG_COLUMNS) {
      const value = v[column];
      if (value === undefined) continue;
      const first = org.values[column];
      if (first !== undefined && first !== value) problem(row, column, 'conflictingOrganisation', { row: org.row });
      else org.values[column] = value;
    }
    if (v.country && !ctx.countries.has(v.country.toUpperCase())) problem(row, 'country', 'country');
    if (v.org_type && !ORG_TYPES.includes(v.org_type.toUpperCase())) problem(row, 'org_type', 'orgType');
    if (v.home_term_until && !isIsoDate(v.home_term_until)) problem(row, 'home_term_until', 'date');
    if (v.website && !isWebUrl(v.website)) problem(row, 'website', 'website');

    if (!v.certificate_number && !v.certificate_type) continue;
    const before = problems.length;
    const type = v.certificate_type?.toUpperCase();
    if (!type) problem(row, 'certificate_type', 'required');
    else if (!isCertificateType(type)) problem(row, 'certificate_type', 'certificateType');
    const number = v.certificate_number;
    if (!number) problem(row, 'certificate_number', 'required');
    for (const column of ['issue_date', 'valid_until'] as const) {
      if (!v[column]) problem(row, column, 'required');
      else if (!isIsoDate(v[column])) problem(row, column, 'date');
    }
    if (v.decision_date && !isIsoDate(v.decision_date)) problem(row, 'decision_date', 'date');
    const provinceIds: string[] = [];
    for (const p of list(v.provinces)) {
      const found = ctx.province(p);
      if (found) provinceIds.push(found.id);
      else problem(row, 'provinces', 'province', { value: p });
    }
    const sectorCodes: string[] = [];
    for (const s of list(v.sectors)) {
      const found = ctx.sector(s);
      if (found) sectorCodes.push(found);
      else problem(row, 'sectors', 'sector', { value: s });
    }
    const office = v.office_province ? ctx.province(v.office_province) : undefined;
    if (v.office_province && !office) problem(row, 'office_province', 'province', { value: v.office_province });
    const holder = number ? ctx.numbers.get(number) : undefined;
    if (number) {
      if (seenNumbers.has(number)) problem(row, 'certificate_number', 'duplicateNumber');
      else if (holder !== undefined && holder !== code) problem(row, 'certificate_number', 'numberOtherOrganisation');
      seenNumbers.set(number, row);
    }
    const later = laterDecisions(v, (column, key) => problem(row, column, key));
    if (number && holder === code) {
      const certificateId = ctx.certificateIds.get(number)!;
      const record = ctx.certificates.get(code)?.find((c) => c.id === certificateId);
      const fresh = record ? notYetRecorded(later, record.events) : [];
      if (record && fresh.length && problems.length === before) updates.push({ row, orgCode: code, certificateId, record, later: fresh });
      else skipped++;
      continue;
    }
    if (problems.length > before) continue;
    const issueDate = v.issue_date!;
    certificates.push({
      row,
      orgCode: code,
      type: type as CertificateType,
      number: number!,
      issueDate,
      validUntil: v.valid_until!,
      provinceIds: [...new Set(provinceIds)],
      sectorCodes: [...new Set(sectorCodes)],
      officeProvinceId: office?.rollsUpTo ?? null,
      decisionNumber: v.decision_number ?? number!,
      decisionDate: v.decision_date ?? issueDate,
      legalGround: v.legal_ground ?? (type === 'GDKVPDA' ? 'Nghị định 12/2012/NĐ-CP' : defaultLegalGround(issueDate)),
      later,
    });
  }

  for (const org of orgs.values()) {
    const existing = ctx.organisations.get(org.code);
    org.changed = existing ? Object.entries(org.values).some(([k, value]) => String(existing.values[k] ?? '') !== value) : true;
  }
  checkRules(certificates, orgs, ctx, problems);
  checkUpdates(updates, orgs, ctx, problems);
  return { organisations: [...orgs.values()], certificates, updates, skipped, problems: problems.sort((a, b) => a.row - b.row) };
}

/** The domain's issue rules for each planned certificate, in issue-date order per organisation. */
function checkRules(certificates: CertPlan[], orgs: ReadonlyMap<string, OrgPlan>, ctx: ImportContext, problems: ImportProblem[]): void {
  const accepted = new Map<string, CertificateRecord[]>();
  for (const cert of [...certificates].sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.row - b.row))) {
    const org = orgs.get(cert.orgCode)!;
    const homeTerm = org.values.home_term_until ?? ctx.organisations.get(cert.orgCode)?.home_term_until ?? null;
    const earlier = accepted.get(cert.orgCode) ?? [];
    const violations = checkNewCertificate({
      type: cert.type,
      issueDate: cert.issueDate,
      validUntil: cert.validUntil,
      officeProvince: cert.officeProvinceId,
      provinces: cert.provinceIds,
      sectors: cert.sectorCodes,
      homeTermUntil: homeTerm,
      existingCertificates: [...(ctx.certificates.get(cert.orgCode) ?? []), ...earlier],
    });
    for (const v of violations) {
      const field = typeof v.details.field === 'string' ? v.details.field.replace(/([A-Z])/g, '_$1').toLowerCase() : null;
      problems.push({
        row: cert.row,
        column: field ?? RULE_COLUMN[v.code] ?? 'certificate_number',
        code: v.code,
        message: ruleText(ctx.lang, v.code),
      });
    }
    if (violations.length > 0) continue;
    const issued: CertificateEvent = {
      kind: 'ISSUED',
      effectiveDate: cert.issueDate,
      decisionNumber: cert.decisionNumber,
      decisionDate: cert.decisionDate,
      legalGround: cert.legalGround,
      changes: {
        validUntil: cert.validUntil,
        provinces: cert.provinceIds,
        sectors: cert.sectorCodes,
        officeProvince: cert.officeProvinceId,
      },
    };
    const record = { id: `file-row-${cert.row}`, type: cert.type, events: [issued] };
    if (!replayChecked(cert.row, record, cert.later, homeTerm, ctx, problems)) continue;
    earlier.push({ ...record, events: [issued, ...cert.later.map((d) => d.event)] });
    accepted.set(cert.orgCode, earlier);
  }
}

/** Later decisions for certificates already stored, checked against their stored history. */
function checkUpdates(
  updates: readonly UpdatePlan[],
  orgs: ReadonlyMap<string, OrgPlan>,
  ctx: ImportContext,
  problems: ImportProblem[],
): void {
  for (const u of updates) {
    const homeTerm = orgs.get(u.orgCode)?.values.home_term_until ?? ctx.organisations.get(u.orgCode)?.home_term_until ?? null;
    replayChecked(u.row, u.record, u.later, homeTerm, ctx, problems);
  }
}

/** Replays the row's later decisions after the certificate's history; a broken rule becomes the row's problem. */
function replayChecked(
  row: number,
  record: CertificateRecord,
  later: readonly LaterDecision[],
  homeTermUntil: string | null,
  ctx: ImportContext,
  problems: ImportProblem[],
): boolean {
  const state = foldEvents(record.events, ctx.addWorkingDays);
  if (!state || later.length === 0) return true;
  const result = replayLater(state, later, { type: record.type, homeTermUntil, addWorkingDays: ctx.addWorkingDays });
  if ('state' in result) return true;
  problems.push({ row, column: result.column, code: result.code, message: ruleText(ctx.lang, result.code) });
  return false;
}
