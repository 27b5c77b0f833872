import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInChildProcess, measureRead } from '../../../../test/fixtures/iati/measure';

// The default suite streams 40 MB; IATI_BIG=1 streams 200 MB (about 10–20 s on a 2-core machine).
const BIG = process.env.IATI_BIG === '1';
const MEGABYTES = BIG ? 200 : 40;
const dir = mkdtempSync(join(tmpdir(), 'vnaid-iati-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`streaming a ${MEGABYTES} MB IATI file`, () => {
  it('reads every activity with flat memory', async () => {
    const path = join(dir, 'big.xml');
    const written = generateInChildProcess(path, MEGABYTES);
    const m = await measureRead(path);
    console.log(
      `[iati stream] ${JSON.stringify({ ...m, seconds: +m.seconds.toFixed(2), megabytesPerSecond: +m.megabytesPerSecond.toFixed(1), peakRssGrowthMb: +m.peakRssGrowthMb.toFixed(1), peakHeapGrowthMb: +m.peakHeapGrowthMb.toFixed(1) })}`,
    );
    expect(m).toMatchObject({ bytes: written.bytes, activities: written.activities, problems: 0 });
    // "Well under 100 MB": the reader holds one activity at a time plus the identifiers seen.
    expect(m.peakRssGrowthMb).toBeLessThan(80);
    expect(m.peakHeapGrowthMb).toBeLessThan(60);
  }, 300_000);
});
