import { describe, expect, it } from 'vitest';
import { activitiesForEveryModality, buildActivity, complexActivity } from '../../../test/fixtures/iati/activities';
import { checkActivityForExport, IatiExportError } from './export-check';
import { serializeActivities, serializeOrganisation } from './serialize';
import { toIatiSectors } from './sector-codes';

const opts = { generatedAt: new Date('2026-11-23T08:00:00.123Z') };

/** Names of the direct children of the first iati-activity, in document order. */
function childOrder(xml: string): string[] {
  const body = /<iati-activity[^>]*>\n([\s\S]*?)\n <\/iati-activity>/.exec(xml)![1]!;
  return [...body.matchAll(/^ {2}<([\w:-]+)/gm)].map((m) => m[1]!).filter((n, i, a) => n !== a[i - 1]);
}

describe('serializeActivities', () => {
  it('writes a 2.03 document with a generated date and the vnaid namespace', () => {
    const xml = serializeActivities([buildActivity()], opts);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-11-23T08:00:00Z" xmlns:vnaid="urn:vnaid:iati:1">',
      ),
    ).toBe(true);
    expect(xml).not.toContain('synthetic');
  });

  it('follows the schema sequence of iati-activity', () => {
    expect(childOrder(serializeActivities([buildActivity()], opts))).toEqual([
      'iati-identifier',
      'reporting-org',
      'title',
      'description',
      'participating-org',
      'activity-status',
      'activity-date',
      'recipient-country',
      'location',
      'sector',
      'default-aid-type',
      'transaction',
      'vnaid:modality',
      'vnaid:status',
      'vnaid:approval',
    ]);
  });

  it('expresses each modality with native IATI fields', () => {
    const xml = serializeActivities(activitiesForEveryModality(), opts);
    const blocks = xml.split('<iati-activity ').slice(1);
    expect(blocks.map((b) => /default-aid-type code="(\w+)"/.exec(b)![1])).toEqual(['C01', 'C01', 'D02', 'C01']);
    expect(blocks.map((b) => b.slice(0, b.indexOf('>')).includes('humanitarian="1"'))).toEqual([false, false, false, true]);
    // The approved programme has an actual start date: it is published as being implemented (2), never as pipeline (1).
    expect(blocks.map((b) => /activity-status code="(\d)"/.exec(b)![1])).toEqual(['2', '2', '4', '5']);
  });

  it('writes provinces as sub-national locations with a stated vocabulary', () => {
    const xml = serializeActivities([complexActivity(), buildActivity({ locations: [{ provinceCode: 'new34:08' }] })], opts);
    expect(xml).toContain('<location ref="VN-old63-02">');
    expect(xml).toContain('<location ref="VN-old63-79">');
    expect(xml).toContain('<location ref="VN-new34-08">');
    expect(xml).toContain('<administrative vocabulary="A4" level="0" code="VN"/>');
    expect(xml).toContain('<feature-designation code="ADM1H"/>');
    expect(xml).toContain('<vnaid:province system="QD19_2025" code="08"/>');
  });

  it('escapes text and attributes, keeping CR, TAB and LF exactly', () => {
    const xml = serializeActivities([complexActivity()], opts);
    expect(xml).toContain('<iati-identifier>XI-IATI-EXAMPLE-&lt;&amp;&gt;"\'-9</iati-identifier>');
    expect(xml).toContain('Dự án "Cầu &amp; Đường" &lt;giai đoạn 2&gt;');
    expect(xml).toContain('Dòng 1&#13;\nDòng 2\tcó tab');
    expect(xml).toContain('<value currency="VND" value-date="2024-06-30">123456789012345.123456</value>');
  });

  it('writes the value date as the transaction date when none is given', () => {
    expect(serializeActivities([buildActivity()], opts)).toContain('<value currency="USD" value-date="2024-01-15">250000.00</value>');
  });

  it('marks synthetic data', () => {
    const xml = serializeActivities([buildActivity()], { ...opts, synthetic: true });
    expect(xml).toContain('vnaid:synthetic="true"');
    expect(xml).toContain('<!-- SYNTHETIC DEMO DATA');
  });

  it('uses the default reporting org for activities without one', () => {
    const a = buildActivity({ reportingOrg: { ref: '', type: '' } });
    const xml = serializeActivities([a], {
      ...opts,
      reportingOrg: { ref: 'VN-COA-1', type: '10', nameVi: 'Bộ Ngoại giao', secondaryReporter: true },
    });
    expect(xml).toContain('<reporting-org ref="VN-COA-1" type="10" secondary-reporter="1">');
  });

  it('refuses what would be invalid or misleading, listing every problem', () => {
    const bad = buildActivity({
      titles: {},
      sectors: toIatiSectors([
        { sector: 'YTE', percentage: '50' },
        { sector: 'GDDT', percentage: '40' },
      ]),
      transactions: [{ type: 'DISBURSEMENT', date: '2025-02-30', amount: '1,000', currency: 'XYZ' }],
      locations: [{ provinceCode: 'new34:02' }],
    });
    const codes = checkActivityForExport(bad).map((p) => `${p.path}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'titles:required',
        'sectors(vocabulary 1):percentages_not_100',
        'sectors(vocabulary 99):percentages_not_100',
        'transactions[0].date:invalid_date',
        'transactions[0].amount:invalid_decimal',
        'transactions[0].currency:invalid_currency',
        'locations[0].provinceCode:invalid_province',
      ]),
    );
    expect(() => serializeActivities([bad], opts)).toThrow(IatiExportError);
    expect(serializeActivities([], opts)).toMatch(/<iati-activities version="2.03"[^>]*>\s*<\/iati-activities>/);
    expect(() => serializeActivities([buildActivity(), buildActivity()], opts)).toThrow(/duplicate identifier/);
    expect(checkActivityForExport(buildActivity({ descriptions: { en: 'nul \u0000 char' } }))[0]?.code).toBe('invalid_xml_char');
  });
});

describe('serializeOrganisation', () => {
  it('writes name, reporting org, budget and expenditure in schema order', () => {
    const xml = serializeOrganisation(
      {
        identifier: 'VN-COA-1',
        name: { vi: 'Bộ Ngoại giao', en: 'Ministry of Foreign Affairs' },
        reportingOrg: { ref: 'VN-COA-1', type: '10', nameEn: 'Ministry of Foreign Affairs' },
        defaultCurrency: 'USD',
        totalBudgets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '1000000', status: 'COMMITTED' }],
        totalExpenditures: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '950000.25', currency: 'VND' }],
      },
      { generatedAt: '2026-01-01T00:00:00Z' },
    );
    const order = [...xml.matchAll(/^ {2}<([\w-]+)/gm)].map((m) => m[1]);
    expect(order).toEqual(['organisation-identifier', 'name', 'reporting-org', 'total-budget', 'total-expenditure']);
    expect(xml).toContain('<total-budget status="2">');
    expect(xml).toContain('<narrative xml:lang="vi">Bộ Ngoại giao</narrative>');
  });

  it('refuses an organisation without a currency for its amounts', () => {
    expect(() =>
      serializeOrganisation({
        identifier: 'X',
        name: { en: 'X' },
        reportingOrg: { ref: 'X', type: '10', nameEn: 'X' },
        totalBudgets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '1' }],
      }),
    ).toThrow(/currency/);
  });
});
