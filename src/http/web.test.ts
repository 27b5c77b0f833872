import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../scripts/precompress';
import { registerWeb } from './web';

/**
 * The built UI as a browser receives it: brotli or gzip copies made at build time, hashed assets cached for a
 * year, index.html revalidated. The folder imitates a Vite build (hashed names under assets/).
 */

let root: string;
let app: FastifyInstance;
const script = `export const message = ${JSON.stringify('Xin chào, vnaid! '.repeat(400))};\n`;
const html = `<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${' '.repeat(400)}</body></html>`;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vnaid-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), html);
  writeFileSync(path.join(root, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(path.join(root, 'assets', 'tiny-Ef56Gh78.css'), 'a{}');
  writeFileSync(path.join(root, 'assets', 'logo-Ij90Kl12.png'), Buffer.alloc(4096, 1));
  await precompressDirectory(root);
  app = Fastify();
  await registerWeb(app, root);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('precompressed static files', () => {
  it('writes brotli and gzip copies of text files that decompress to the same bytes, and none of tiny or binary files', () => {
    const file = path.join(root, 'assets', 'index-Ab12Cd34.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(readFileSync(`${file}.br`).length).toBeLessThan(script.length / 10);
    expect(existsSync(path.join(root, 'assets', 'tiny-Ef56Gh78.css.br'))).toBe(false);
    expect(existsSync(path.join(root, 'assets', 'logo-Ij90Kl12.png.br'))).toBe(false);
  });

  it('sends a hashed asset brotli-compressed to a browser that accepts br, cached for a year and immutable', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a client that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const gz = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html revalidated on every visit (no-cache; 304 when unchanged), deep links included', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(first.rawPayload).toString()).toBe(html);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    const deep = await get('/directory?q=abc', { 'accept-encoding': 'gzip' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(deep.rawPayload).toString()).toBe(html);
  });
});
