import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializeActivities } from '../../../domain/iati/serialize';
import { activitiesForEveryModality, complexActivity } from '../../../../test/fixtures/iati/activities';
import { readAllIatiActivities } from './read-activities';
import { activitiesOf, activityXml, doc, problemsOf, readDoc } from './test-helpers';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/iati/', import.meta.url));
const SHARED_IATI = fileURLToPath(new URL('../../../../../shared/iati/', import.meta.url));

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? xmlFiles(path) : name.endsWith('.xml') ? [path] : [];
  });
}

/** The simple count the brief asks for: `<iati-activity` start tags (not `<iati-activities`). */
const countActivityTags = (text: string) => (text.match(/<iati-activity[\s>/]/g) ?? []).length;

describe('round trip: serialize → read', () => {
  const activities = [...activitiesForEveryModality(), complexActivity()];
  const xml = serializeActivities(activities, { generatedAt: '2026-11-23T08:00:00Z', synthetic: true });

  it('gives back exactly what the model holds, with no warnings', async () => {
    const items = await readDoc(xml);
    expect(problemsOf(items)).toEqual([]);
    const parsed = activitiesOf(items);
    expect(parsed.map((p) => p.activity)).toEqual(activities);
    for (const p of parsed) {
      expect(p.warnings).toEqual([]);
      expect(p.modalitySource).toBe('extension');
      expect(p.vietnam.concernsVietnam).toBe(true);
      expect(p.document).toEqual({ version: '2.03', generatedAt: '2026-11-23T08:00:00Z', synthetic: true });
    }
  });

  it('does not depend on where the byte stream is cut (multi-byte characters split across chunks)', async () => {
    const whole = await readDoc(xml);
    for (const size of [1, 7, 4096]) expect(await readDoc(xml, {}, size)).toEqual(whole);
  });
});

describe('upstream IATI documents', () => {
  async function checkCounts(files: string[]) {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!/<iati-activities[\s>]/.test(text)) continue;
      const items = await readAllIatiActivities(createReadStream(file), { lenientVersion: true });
      const fatal = problemsOf(items).filter((p) => p.severity === 'fatal');
      const yielded = activitiesOf(items).length + problemsOf(items).filter((p) => p.severity === 'error').length;
      // One upstream document lacks the version attribute on purpose; it must fail cleanly, not crash.
      if (file.endsWith('18-missing-iati-activities-version.xml')) {
        expect(fatal.map((p) => p.code)).toEqual(['iati_version_missing']);
        continue;
      }
      expect({ file, fatal, yielded }).toEqual({ file, fatal: [], yielded: countActivityTags(text) });
    }
  }

  it('reads the annotated 2.03 example completely', async () => {
    const items = await readAllIatiActivities(createReadStream(join(FIXTURES, 'upstream/activity-standard-example-annotated-2.03.xml')));
    const [a] = activitiesOf(items);
    expect(activitiesOf(items)).toHaveLength(1);
    expect(a!.activity).toMatchObject({
      identifier: 'AA-AAA-123456789-ABC123',
      modality: 'RELIEF', // humanitarian="1"
      status: 'IMPLEMENTING',
      defaultCurrency: 'USD',
      titles: { en: 'Activity title', other: { fr: "Titre de l'activité", es: 'Título de la actividad' } },
      dates: { plannedStart: '2012-04-15', actualStart: '2012-04-28', plannedEnd: '2015-12-31' },
      transactions: [{ type: 'INCOMING_FUNDS', date: '2012-01-01', amount: '1000', currency: 'EUR', ref: '1234' }],
    });
    // Its locations are in Afghanistan and Phnom Penh (inside the bounding box), but it names AF and AG as recipients.
    expect(a!.vietnam.concernsVietnam).toBe(false);
    expect(a!.warnings.map((w) => w.code)).toEqual(['sector_vocabulary_not_dac']);
  });

  it('reads the sample of upstream unit-test documents without crashing, one result per <iati-activity>', async () => {
    await checkCounts(xmlFiles(join(FIXTURES, 'upstream/tests')));
  });

  it('reads every upstream 2.03 document in ../shared/iati the same way', async () => {
    expect(existsSync(join(SHARED_IATI, 'tests')), `${SHARED_IATI} is missing`).toBe(true);
    const files = [...xmlFiles(join(SHARED_IATI, 'tests')), join(SHARED_IATI, 'examples/activity-standard-example-annotated-2.03.xml')];
    await checkCounts(files);
  }, 120_000);
});

describe('third-party files', () => {
  const file = join(FIXTURES, 'third-party-2.02.xml');
  const read = (opts = {}) => readAllIatiActivities(createReadStream(file), opts);
  const byId = async (opts = {}) => {
    const items = await read(opts);
    return { items, get: (id: string) => activitiesOf(items).filter((a) => a.activity.identifier === id) };
  };

  it('yields one result per activity and reports duplicates and skipped activities', async () => {
    const { items } = await byId();
    expect(items.map((i) => (i.kind === 'activity' ? i.index : `${i.code}@${i.activityIndex}`))).toEqual([
      1,
      2,
      3,
      4,
      'iati_duplicate_identifier@5',
      5,
      'iati_activity_invalid@6',
      7,
      8,
      9,
    ]);
    const dup = problemsOf(items).find((p) => p.code === 'iati_duplicate_identifier')!;
    expect(dup).toMatchObject({ severity: 'warning', identifier: 'XI-IATI-TP-001', line: 52 });
    expect(dup.message.vi).toContain('xuất hiện nhiều lần');
  });

  it('falls back to the activity currency, then the document currency', async () => {
    const { get } = await byId();
    expect(get('XI-IATI-TP-001')[0]!.activity.transactions).toEqual([
      { type: 'COMMITMENT', date: '2019-03-01', amount: '150000.75', currency: 'USD' },
    ]);
    const none = get('XI-IATI-TP-007')[0]!;
    expect(none.activity.transactions).toEqual([]);
    expect(none.warnings.map((w) => w.code)).toEqual(['transaction_currency_unknown']);
    const withDefault = (await byId({ defaultCurrency: 'EUR' })).get('XI-IATI-TP-007')[0]!;
    expect(withDefault.activity.transactions).toEqual([{ type: 'DISBURSEMENT', date: '2020-01-10', amount: '5000', currency: 'EUR' }]);
    const rootDefault = activitiesOf(
      await readDoc(
        doc(
          activityXml(
            'R1',
            '<transaction><transaction-type code="3"/><transaction-date iso-date="2021-01-01"/><value value-date="2021-01-01">1.5</value></transaction>',
          ),
          '2.01',
          ' default-currency="gbp"',
        ),
      ),
    );
    expect(rootDefault[0]!.activity.transactions[0]!.currency).toBe('GBP');
  });

  it('decides whether an activity concerns Vietnam, keeping the evidence', async () => {
    const { get } = await byId();
    const decision = (id: string) => get(id)[0]!.vietnam;
    expect(decision('XI-IATI-TP-001').concernsVietnam).toBe(true); // recipient-country VN
    expect(decision('XI-IATI-TP-002')).toEqual({ concernsVietnam: false, evidence: [{ kind: 'region', detail: '789', strong: false }] });
    expect(decision('XI-IATI-TP-003').concernsVietnam).toBe(false); // Phnom Penh point, recipient KH
    expect(decision('XI-IATI-TP-004').evidence.map((e) => e.kind)).toEqual(['location-name', 'province']);
    expect(decision('XI-IATI-TP-008').evidence).toEqual([{ kind: 'administrative-code', detail: 'A4:VN', strong: true }]);
    expect(decision('XI-IATI-TP-009').evidence).toEqual([{ kind: 'transaction-recipient-country', detail: 'VN', strong: true }]);
  });

  it('recognises provinces by name in the code system of the activity date', async () => {
    const { get } = await byId();
    const a = get('XI-IATI-TP-004')[0]!;
    expect(a.activity.locations).toEqual([{ provinceCode: 'old63:49', name: { vi: 'Tỉnh Quảng Nam' } }]);
    expect(get('XI-IATI-TP-001')[0]!.activity.locations).toEqual([{ provinceCode: 'old63:01', name: { en: 'Hanoi' } }]);
    expect(a.warnings.map((w) => w.code)).toContain('location_by_name');
  });

  it('keeps non-DAC sector vocabularies, flagged', async () => {
    const a = (await byId()).get('XI-IATI-TP-004')[0]!;
    expect(a.activity.sectors).toEqual([
      { vocabulary: '10', code: 'Shelter', percentage: '70' },
      { vocabulary: '10', code: 'WASH', percentage: '20' },
    ]);
    expect(a.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['sector_vocabulary_not_dac', 'sector_percentages_not_100']));
  });

  it('infers modality and status from IATI fields, tolerating legacy codes and leaving bad parts out', async () => {
    const { get } = await byId();
    expect(get('XI-IATI-TP-004')[0]!.activity.modality).toBe('RELIEF'); // humanitarian="true"
    const ta = get('XI-IATI-TP-008')[0]!;
    expect(ta.activity).toMatchObject({
      modality: 'NON_PROJECT', // default-aid-type D02
      status: 'IMPLEMENTING', // suspended
      participatingOrgs: [{ role: 'FUNDING', nameEn: 'Legacy role name' }],
      transactions: [{ type: 'COMMITMENT', date: '2021-02-02', amount: '2500.00', currency: 'EUR', valueDate: '2021-02-01' }],
    });
    expect(ta.warnings.map((w) => w.code)).toEqual([
      'status_suspended',
      'role_unknown',
      'transaction_amount_invalid',
      'location_unresolved',
    ]);
    expect(get('XI-IATI-TP-007')[0]!.activity.status).toBe('COMPLETED'); // finalisation
  });
});

describe('namespaces', () => {
  it('recognises vnaid extensions by namespace URI, whatever the prefix, and ignores other namespaces', async () => {
    const inner =
      '<activity-status code="1"/>' +
      '<location ref="somewhere"><v:province system="QD19_2025" code="08"/></location>' +
      '<x:transaction><transaction-type code="3"/><transaction-date iso-date="2026-01-01"/><value currency="USD" value-date="2026-01-01">1</value></x:transaction>' +
      '<v:status code="APPROVED"/><v:modality code="NON_PROJECT"/>';
    const xml = doc(activityXml('NS', inner), '2.03', ' xmlns:v="urn:vnaid:iati:1" xmlns:x="http://example.org/x"');
    const [a] = activitiesOf(await readDoc(xml));
    expect(a!.activity).toMatchObject({
      status: 'APPROVED',
      modality: 'NON_PROJECT',
      locations: [{ provinceCode: 'new34:08' }],
      transactions: [],
    });
    expect(a!.modalitySource).toBe('extension');
  });
});
