import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAllIatiActivities, readIatiActivities } from './read-activities';
import { activitiesOf, activityXml, doc, problemsOf, readDoc } from './test-helpers';
import type { ParseProblem } from './types';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/iati/', import.meta.url));
const readFixture = (name: string, opts = {}) => readAllIatiActivities(createReadStream(join(FIXTURES, name)), opts);

/** The single fatal problem that must end the results. */
function fatalOf(items: Awaited<ReturnType<typeof readDoc>>): ParseProblem {
  const last = items[items.length - 1];
  expect(last?.kind).toBe('problem');
  expect((last as ParseProblem).severity).toBe('fatal');
  expect(problemsOf(items).filter((p) => p.severity === 'fatal')).toHaveLength(1);
  const p = last as ParseProblem;
  // Both languages, every placeholder filled.
  for (const text of [p.message.en, p.message.vi]) expect(text).not.toMatch(/\{\w+\}|^$/);
  return p;
}

describe('malformed and hostile input', () => {
  it('truncated XML: keeps what was complete, then iati_truncated with line and column', async () => {
    const items = await readFixture('truncated.xml');
    expect(activitiesOf(items).map((a) => a.activity.identifier)).toEqual(['XI-IATI-EXAMPLE-T1']);
    expect(fatalOf(items)).toMatchObject({ code: 'iati_truncated', line: 12, column: 1 });
  });

  it('truncated inside a multi-byte character: iati_truncated', async () => {
    const bytes = Buffer.from(doc(activityXml('X', '<description><narrative>Việt Nam</narrative></description>')));
    const cut = bytes.indexOf(Buffer.from('ệ')) + 1;
    expect(fatalOf(await readDoc(bytes.subarray(0, cut))).code).toBe('iati_truncated');
  });

  it('billion laughs: refused at the DOCTYPE, nothing expanded, quickly', async () => {
    const started = Date.now();
    const items = await readFixture('billion-laughs.xml');
    expect(items).toHaveLength(1);
    expect(fatalOf(items)).toMatchObject({ code: 'iati_entity_forbidden', line: 13 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('external entities and plain DOCTYPEs are refused too', async () => {
    expect(fatalOf(await readFixture('external-entity.xml')).code).toBe('iati_entity_forbidden');
    const plain = `<?xml version="1.0"?>\n<!DOCTYPE iati-activities>\n${doc(activityXml('X')).replace(/^<\?xml[^>]*>\n/, '')}`;
    expect(fatalOf(await readDoc(plain)).code).toBe('iati_entity_forbidden');
  });

  it.each([
    ['utf16le-bom.xml', 'UTF-16/32 byte-order mark'],
    ['utf16be-nobom.xml', 'UTF-16 without byte-order mark'],
    ['latin1-declared.xml', 'declared encoding "ISO-8859-1"'],
  ])('%s: iati_bad_encoding', async (file, detail) => {
    const p = fatalOf(await readFixture(file));
    expect(p.code).toBe('iati_bad_encoding');
    expect(p.message.en).toContain(detail);
    expect(p.message.vi).toContain('UTF-8');
  });

  it('Latin-1 bytes without a declaration: iati_bad_encoding at the first bad byte', async () => {
    const bytes = readFileSync(join(FIXTURES, 'latin1-undeclared.xml'));
    const p = fatalOf(await readDoc(bytes, {}, 50));
    expect(p).toMatchObject({ code: 'iati_bad_encoding', byteOffset: bytes.indexOf(0xe9) });
  });

  it('accepts UTF-8 with a byte-order mark and an explicit UTF-8 or ASCII declaration', async () => {
    const body = doc(activityXml('BOM')).replace('encoding="UTF-8"', 'encoding="utf8"');
    expect(activitiesOf(await readDoc(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])))).toHaveLength(1);
    expect(activitiesOf(await readDoc(body.replace('utf8', 'US-ASCII')))).toHaveLength(1);
  });

  it('wrong root element: iati_wrong_root', async () => {
    expect(fatalOf(await readFixture('wrong-root.xml'))).toMatchObject({ code: 'iati_wrong_root', line: 2 });
    expect(fatalOf(await readDoc('<html><body>Not found</body></html>')).message.en).toContain('<html>');
  });

  it('not XML at all, or empty: iati_not_xml', async () => {
    expect(fatalOf(await readDoc('%PDF-1.4 binary garbage')).code).toBe('iati_not_xml');
    expect(fatalOf(await readDoc('')).code).toBe('iati_not_xml');
    expect(fatalOf(await readDoc(`${doc(activityXml('A'))}<second-root/>`)).code).toBe('iati_not_xml');
  });

  it('versions: 2.01–2.03 read, 1.x and missing refused, unknown refused unless lenient', async () => {
    for (const v of ['2.01', '2.02', '2.03']) expect(activitiesOf(await readDoc(doc(activityXml('V'), v)))).toHaveLength(1);
    expect(fatalOf(await readFixture('legacy-1.03.xml')).code).toBe('iati_unsupported_version');
    expect(fatalOf(await readDoc(doc(activityXml('V'), 'xx'))).code).toBe('iati_unsupported_version');
    expect(fatalOf(await readDoc(doc(activityXml('V'), '1.05'), { lenientVersion: true })).code).toBe('iati_unsupported_version');
    const missing = fatalOf(await readDoc(`<iati-activities>${activityXml('V')}</iati-activities>`, { lenientVersion: true }));
    expect(missing.code).toBe('iati_version_missing');
    const lenient = await readDoc(doc(activityXml('V'), 'xx'), { lenientVersion: true });
    expect(lenient.map((i) => (i.kind === 'activity' ? 'activity' : i.code))).toEqual(['iati_unknown_version', 'activity']);
  });
});

describe('hostile values', () => {
  it('treats codes named like JavaScript object members as unknown codes', async () => {
    const inner =
      '<description><narrative xml:lang="__proto__">x</narrative><narrative xml:lang="constructor">y</narrative></description>' +
      '<activity-status code="constructor"/>' +
      '<location><name><narrative>toString</narrative></name><v:province system="__proto__" code="08"/></location>' +
      '<sector vocabulary="2" code="constructor"/>' +
      '<transaction><transaction-type code="toString"/><transaction-date iso-date="2026-01-01"/><value currency="USD" value-date="2026-01-01">1</value></transaction>';
    const [a] = activitiesOf(await readDoc(doc(activityXml('H', inner), '2.03', ' xmlns:v="urn:vnaid:iati:1"')));
    expect(a!.activity).toMatchObject({ status: 'PIPELINE', locations: [], transactions: [] });
    expect(a!.activity.descriptions).toEqual({ en: 'x', other: { constructor: 'y' } }); // an unusable language tag counts as English
    expect(a!.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['status_unknown', 'transaction_type_unknown']));
  });
});

describe('limits', () => {
  /** An endless IATI document: the reader must stop on its own. */
  function endless(): Readable {
    let i = 0;
    return new Readable({
      read() {
        this.push(
          i === 0 ? '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n' : activityXml(`E-${i}`).repeat(20),
        );
        i++;
      },
    });
  }

  it('stops with iati_too_large as soon as the byte limit is passed, after yielding what was complete', async () => {
    const stream = endless();
    const items: Awaited<ReturnType<typeof readDoc>> = [];
    for await (const item of readIatiActivities(stream, { maxBytes: 200_000 })) items.push(item);
    const p = fatalOf(items);
    expect(p).toMatchObject({ code: 'iati_too_large', byteOffset: 200_000 });
    expect(p.message.vi).toContain('200000');
    expect(activitiesOf(items).length).toBeGreaterThan(100);
    expect(stream.destroyed).toBe(true);
  });

  it('skips a single oversized activity and goes on', async () => {
    const big = activityXml('BIG', `<description><narrative>${'x'.repeat(5000)}</narrative></description>`);
    const items = await readDoc(doc(`${activityXml('A')}${big}${activityXml('B')}`), { maxActivityChars: 2000 });
    expect(items.map((i) => (i.kind === 'activity' ? i.activity.identifier : i.code))).toEqual(['A', 'iati_activity_too_large', 'B']);
  });

  it('stops reading when the consumer stops', async () => {
    const stream = endless();
    for await (const item of readIatiActivities(stream)) if (item.kind === 'activity') break;
    expect(stream.destroyed).toBe(true);
  });
});
