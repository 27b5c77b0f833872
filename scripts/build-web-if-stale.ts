/**
 * Builds the web UI when dist/web is missing or older than its sources, so `npm start` serves the current UI
 * without rebuilding on every start.
 */
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);

const built = (() => {
  try {
    return statSync('dist/web/index.html').mtimeMs;
  } catch {
    return 0;
  }
})();
const sources = Math.max(newest('web'), newest('common'));
if (built < sources) {
  console.log('building the web UI…');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
