import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAllIatiActivities } from '../../modules/iati/xml/read-activities';
import type { ParsedActivity } from '../../modules/iati/xml/types';
import { buildActivity, complexActivity } from '../../../test/fixtures/iati/activities';
import { serializeActivities } from './serialize';
import { checkStandardRules } from './standard-rules';

const TODAY = '2026-12-07';
const xmlOf = (activity = buildActivity()) => serializeActivities([activity], { generatedAt: '2026-11-01T00:00:00Z' });

async function rulesBroken(xml: string): Promise<string[]> {
  const items = await readAllIatiActivities(Readable.from([Buffer.from(xml)]), { keepNode: true });
  const activity = items.find((i): i is ParsedActivity => i.kind === 'activity')!;
  return checkStandardRules(activity.node!, TODAY).map((v) => v.rule);
}

describe('checkStandardRules (IATI Standard Ruleset beyond the XSD)', () => {
  it("passes vnaid's own serialisation of a plain and of a complex activity", async () => {
    expect(await rulesBroken(xmlOf())).toEqual([]);
    expect(await rulesBroken(xmlOf(complexActivity()))).toEqual([]);
  });

  it('names each broken rule', async () => {
    const base = xmlOf();
    expect(await rulesBroken(base.replace('<iati-identifier>XI-IATI-EXAMPLE-0001', '<iati-identifier>GB-OTHER-1'))).toEqual([
      'startswith: iati-identifier starts with reporting-org/@ref',
    ]);
    expect(await rulesBroken(base.replace('type="2" iso-date="2024-02-01"', 'type="2" iso-date="2027-02-01"'))).toEqual([
      "date_order: activity-date[@type='2'] before NOW",
    ]);
    expect(await rulesBroken(base.replace('type="3" iso-date="2026-12-31"', 'type="3" iso-date="2023-12-31"'))).toEqual([
      "date_order: activity-date[@type='1'] before activity-date[@type='3']",
    ]);
    expect(await rulesBroken(base.replace(/(<sector vocabulary="99"[^>]*)>[\s\S]*?<\/sector>/, '$1/>'))).toEqual([
      "atleast_one: sector[@vocabulary='98' or '99']/narrative",
    ]);
    expect(
      await rulesBroken(base.replace('<transaction-type code="2"/>', '<transaction-type code="2"/><sector vocabulary="1" code="12220"/>')),
    ).toEqual(expect.arrayContaining(['only_one_of: sector, transaction/sector']));
    expect(
      await rulesBroken(base.replace('<recipient-country code="VN" percentage="100"/>', '<recipient-country code="VN" percentage="60"/>')),
    ).toEqual(['sum: recipient-country/@percentage + recipient-region/@percentage = 100']);
  });
});
