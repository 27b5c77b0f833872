/**
 * Benchmark of the streaming IATI reader: generates a synthetic IATI 2.03 file (200 MB by default) in a
 * temporary folder, streams it through `readIatiActivities` and prints throughput and peak memory.
 *
 *   npx tsx bench/iati-import.ts            # 200 MB
 *   npx tsx bench/iati-import.ts 500        # another size, in MB (10^6 bytes)
 *
 * The file is written by a child process so that generating it does not pre-grow this process's heap.
 * The figures include the mapping to the vnaid model and the Vietnam relevance check, not the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInChildProcess, measureRead } from '../test/fixtures/iati/measure';

const megabytes = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'vnaid-iati-bench-'));
try {
  const path = join(dir, 'activities.xml');
  let t = Date.now();
  const written = generateInChildProcess(path, megabytes);
  console.log(
    `generated ${(written.bytes / 1e6).toFixed(1)} MB, ${written.activities} activities in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  t = Date.now();
  const cpu = process.cpuUsage();
  const m = await measureRead(path);
  const used = process.cpuUsage(cpu);
  console.log(`read ${m.activities} activities (${m.problems} problems) in ${m.seconds.toFixed(2)} s`);
  console.log(
    `throughput      ${m.megabytesPerSecond.toFixed(1)} MB/s (wall), ${(m.bytes / 1e6 / ((used.user + used.system) / 1e6)).toFixed(1)} MB/s per CPU-second`,
  );
  console.log(
    `peak RSS        ${(m.baselineRssMb + m.peakRssGrowthMb).toFixed(1)} MB (baseline ${m.baselineRssMb.toFixed(1)} MB, growth ${m.peakRssGrowthMb.toFixed(1)} MB)`,
  );
  console.log(`peak heap growth ${m.peakHeapGrowthMb.toFixed(1)} MB`);
  console.log(`machine         ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
