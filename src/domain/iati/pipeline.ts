/**
 * The needs catalogue's published proposals as IATI 2.03 activities in the pipeline (activity-status 1,
 * "Pipeline/identification"): projects Viet Nam seeks aid for, not aid anyone has given. They are written in a
 * document of their own (vnaid's yearly activity documents carry approved aid only), with these choices:
 *
 * - identifier: vnaid's reporting organisation + the proposal code (`VN-COA-014-NC-2026-0001`); an aid item's is
 *   the same prefix + its `VT-…` code, so the two never meet, and {@link isPipelineIdentifier} tells an importer
 *   that such an activity is vnaid's own proposal (nothing to create);
 * - participating organisation: the proposing ministry or province as accountable (role 2), the body that would
 *   own the aid; no funding organisation (none yet);
 * - dates: the planned start is the day the proposal was published (a proposal has no start date of its own and
 *   the IATI Ruleset requires one), the planned end that day plus its duration;
 * - places: recipient-country VN at 100 %, the provinces as `location` elements exactly as in vnaid's aid export
 *   (`recipient-region` is for regions of the world, so none);
 * - sector: vnaid's sector as DAC 5-digit (vocabulary 1) and as vnaid's own list (vocabulary 99, with its names);
 * - budget sought: one indicative `budget` only when the whole duration fits in one budget period (at most a year,
 *   as the XSD's `period-end` says); a longer project's amount is not split into invented yearly figures — it is
 *   stated in the `vnaid:proposal` extension element (budget, currency, months) for every proposal.
 * @module
 */
import { VNAID_NS, toIatiSectors, type VnaidSectorCode } from './codes';
import type { DecimalString, IsoDate, LocalizedText, ProvinceCode, ReportingOrg } from './model';
import { narrativeEntries, orgName, writeNarratives, writeTextElement } from './narrative';
import { provinceRef } from './provinces';
import { XmlWriter } from './xml-writer';

/** One published proposal, as the pipeline document needs it. */
export interface PipelineProposal {
  /** The proposal code, `NC-YYYY-NNNN`. */
  code: string;
  reportingOrg: ReportingOrg;
  titles: LocalizedText;
  descriptions: LocalizedText;
  proposingBody: { nameVi: string; nameEn?: string; type: string };
  /** The Vietnamese day of publication. */
  publishedOn: IsoDate;
  durationMonths?: number;
  provinces: { code: ProvinceCode; name: LocalizedText }[];
  sector: VnaidSectorCode;
  budget: DecimalString;
  currency: string;
  /** `xsd:dateTime` of the last change. */
  lastUpdated: string;
  contact?: { office?: string; email?: string; phone?: string };
}

/** The IATI identifier of a proposal: the publisher's prefix and the proposal code. */
export const pipelineIdentifier = (publisherRef: string, code: string): string => `${publisherRef}-${code}`;

/** True for the identifier of one of vnaid's own proposals (publisher prefix, then `NC-`). */
export const isPipelineIdentifier = (identifier: string, publisherRef: string): boolean =>
  /^NC-\d{4}-\d+$/.test(identifier.startsWith(`${publisherRef}-`) ? identifier.slice(publisherRef.length + 1) : '');

/** `date` plus `months` calendar months, minus one day (the last day of a duration that starts on `date`). */
export function endOfDuration(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** The one budget period a proposal's amount may be published as, or undefined when it would exceed a year. */
export function pipelineBudgetPeriod(
  p: Pick<PipelineProposal, 'publishedOn' | 'durationMonths'>,
): { start: IsoDate; end: IsoDate } | undefined {
  if (!p.durationMonths || p.durationMonths > 12) return undefined;
  return { start: p.publishedOn, end: endOfDuration(p.publishedOn, p.durationMonths) };
}

const PROVINCE_SYSTEM: Record<string, string> = { old63: 'QD124_2004', new34: 'QD19_2025' };

function writeLocation(w: XmlWriter, code: ProvinceCode, name: LocalizedText): void {
  const [system = '', nn = ''] = code.split(':');
  w.open('location', [['ref', provinceRef(code)]]);
  writeTextElement(w, 'name', name);
  w.empty('administrative', [
    ['vocabulary', 'A4'],
    ['level', '0'],
    ['code', 'VN'],
  ]);
  w.empty('location-class', [['code', '1']]);
  w.empty('feature-designation', [['code', system === 'old63' ? 'ADM1H' : 'ADM1']]);
  w.empty('vnaid:province', [
    ['system', PROVINCE_SYSTEM[system]],
    ['code', nn],
  ]);
  w.close('location');
}

function writeProposal(w: XmlWriter, p: PipelineProposal): void {
  w.open('iati-activity', [
    ['last-updated-datetime', p.lastUpdated],
    ['xml:lang', p.titles.vi !== undefined ? 'vi' : 'en'],
    ['default-currency', p.currency],
  ]);
  w.leaf('iati-identifier', [], pipelineIdentifier(p.reportingOrg.ref, p.code));
  w.open('reporting-org', [
    ['ref', p.reportingOrg.ref],
    ['type', p.reportingOrg.type],
    ['secondary-reporter', p.reportingOrg.secondaryReporter ? '1' : '0'],
  ]);
  writeNarratives(w, orgName(p.reportingOrg));
  w.close('reporting-org');
  writeTextElement(w, 'title', p.titles);
  writeTextElement(w, 'description', narrativeEntries(p.descriptions).length ? p.descriptions : p.titles, [['type', '1']]);
  writeTextElement(w, 'participating-org', orgName(p.proposingBody), [
    ['type', p.proposingBody.type],
    ['role', '2'],
  ]);
  w.empty('activity-status', [['code', '1']]);
  w.empty('activity-date', [
    ['type', '1'],
    ['iso-date', p.publishedOn],
  ]);
  if (p.durationMonths)
    w.empty('activity-date', [
      ['type', '3'],
      ['iso-date', endOfDuration(p.publishedOn, p.durationMonths)],
    ]);
  const contact = p.contact ?? {};
  if (contact.office || contact.email || contact.phone) {
    w.open('contact-info', [['type', '1']]);
    // Stored without a language: Vietnamese when it has a letter outside ASCII (as vnaid labels other such names).
    if (contact.office)
      writeTextElement(w, 'organisation', /[^\x00-\x7F]/.test(contact.office) ? { vi: contact.office } : { en: contact.office });
    if (contact.phone) w.leaf('telephone', [], contact.phone);
    if (contact.email) w.leaf('email', [], contact.email);
    w.close('contact-info');
  }
  w.empty('recipient-country', [
    ['code', 'VN'],
    ['percentage', '100'],
  ]);
  for (const province of p.provinces) writeLocation(w, province.code, province.name);
  for (const s of toIatiSectors([{ sector: p.sector, percentage: '100' }])) {
    const attrs: [string, string | undefined][] = [
      ['vocabulary', s.vocabulary],
      ['vocabulary-uri', s.vocabularyUri],
      ['code', s.code],
      ['percentage', s.percentage],
    ];
    if (s.name) writeTextElement(w, 'sector', s.name, attrs);
    else w.empty('sector', attrs);
  }
  w.empty('default-aid-type', [
    ['code', 'C01'],
    ['vocabulary', '1'],
  ]);
  const period = pipelineBudgetPeriod(p);
  if (period) {
    w.open('budget', [
      ['type', '1'],
      ['status', '1'],
    ]);
    w.empty('period-start', [['iso-date', period.start]]);
    w.empty('period-end', [['iso-date', period.end]]);
    w.leaf(
      'value',
      [
        ['currency', p.currency],
        ['value-date', period.start],
      ],
      p.budget,
    );
    w.close('budget');
  }
  // Extension elements last: the schema allows `##other` only after every IATI element.
  w.empty('vnaid:proposal', [
    ['code', p.code],
    ['budget-sought', p.budget],
    ['currency', p.currency],
    ['duration-months', p.durationMonths ? String(p.durationMonths) : undefined],
  ]);
  w.close('iati-activity');
}

/**
 * The pipeline document: an `iati-activities` 2.03 document of published proposals (see the module comment).
 * An empty list gives a document without activities ("nothing is sought now" is an answer).
 */
export function serializePipelineActivities(
  proposals: readonly PipelineProposal[],
  opts: { generatedAt: Date | string; synthetic?: boolean },
): string {
  const w = new XmlWriter();
  if (opts.synthetic) w.comment('SYNTHETIC DEMO DATA generated by vnaid: not real proposals.');
  w.open('iati-activities', [
    ['version', '2.03'],
    [
      'generated-datetime',
      typeof opts.generatedAt === 'string' ? opts.generatedAt : opts.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ],
    ['xmlns:vnaid', VNAID_NS],
    ['vnaid:synthetic', opts.synthetic ? 'true' : undefined],
  ]);
  for (const p of proposals) writeProposal(w, p);
  w.close('iati-activities');
  return w.toString();
}
