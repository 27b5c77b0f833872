/**
 * Runs every benchmark one after another, each in its own process (each starts its own temporary database), and
 * prints their figures as they come. `npm run bench`; pass `--quick` for small data sets (a smoke run, not figures
 * to quote).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const quick = process.argv.includes('--quick');
const benches: [script: string, quickArgs: string[]][] = [
  ['bench/directory-search.ts', ['--organisations', '1000', '--requests', '10']],
  ['bench/aid-list.ts', ['--items', '1000', '--transactions', '20000', '--requests', '5']],
  ['bench/dashboard.ts', ['--transactions', '20000', '--items', '1000', '--requests', '10']],
  ['bench/procedures.ts', ['--dossiers', '300', '--requests', '5']],
  ['bench/iati-import.ts', ['20']],
  ['bench/iati-import-db.ts', ['20', '--own-items', '300']],
  ['bench/load.ts', ['--quick']],
];

let failed = 0;
console.log(`vnaid benchmarks${quick ? ' (quick)' : ''}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`);
for (const [script, quickArgs] of benches) {
  console.log(`\n=== ${script} ${quick ? quickArgs.join(' ') : ''}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...(quick ? quickArgs : [])], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
if (failed > 0) {
  console.error(`\n${failed} benchmark(s) failed`);
  process.exit(1);
}
