/**
 * Brotli and gzip copies of the built web UI's text files (`app-1a2b.js` → `app-1a2b.js.br`, `.gz`), made once at
 * build time at the best compression levels, so the server sends them as they are (src/http/web.ts,
 * @fastify/static `preCompressed`) instead of compressing on every request or not at all.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|geojson|txt|xml|map)$/i;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 256;

export type PrecompressSummary = { files: number; bytes: number; brotliBytes: number; gzipBytes: number };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))),
  );
  return nested.flat();
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir` (recursively), each only when it is
 * smaller than the file itself; the server falls back to the plain file otherwise.
 * @returns how many files were compressed and their total sizes: plain, brotli, gzip
 */
export async function precompressDirectory(dir: string): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of await filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const content = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    summary.files++;
    summary.bytes += content.length;
    if (br.length < content.length) await writeFile(`${file}.br`, br);
    if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
    summary.brotliBytes += Math.min(br.length, content.length);
    summary.gzipBytes += Math.min(gz.length, content.length);
  }
  return summary;
}

/** The Vite plugin: precompresses the output folder once the bundle (public/ files included) is written. */
export function precompress(): Plugin {
  let outDir = '';
  let logger: ResolvedConfig['logger'] | undefined;
  return {
    name: 'vnaid-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    async closeBundle() {
      const s = await precompressDirectory(outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      logger?.info(`precompressed ${s.files} files: ${kb(s.bytes)} → brotli ${kb(s.brotliBytes)}, gzip ${kb(s.gzipBytes)}`);
    },
  };
}
