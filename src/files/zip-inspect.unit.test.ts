import { describe, expect, it } from 'vitest';
import { FileBoundError, type ZipBounds } from './file-bounds';
import { writeZip } from './test-support/zip-writer';
import { inflateZipChecked, inspectZip } from './zip-inspect';

const MiB = 1024 * 1024;
const bounds: ZipBounds = { maxEntries: 10, maxEntryBytes: 8 * MiB, maxTotalBytes: 12 * MiB, maxRatio: 200, ratioFloorBytes: MiB };
const boundOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof FileBoundError ? error.toJSON() : error),
  );

describe('inspectZip (central directory only)', () => {
  it('lists the entries of a zip within its bounds', async () => {
    const zip = writeZip([
      { name: 'a.xml', data: '<a/>' },
      { name: 'b.xml', data: 'x'.repeat(1000) },
    ]);
    expect(await inspectZip(zip, bounds)).toEqual([
      { name: 'a.xml', compressedBytes: expect.any(Number), uncompressedBytes: 4 },
      { name: 'b.xml', compressedBytes: expect.any(Number), uncompressedBytes: 1000 },
    ]);
  });

  it('refuses too many entries, a declared size over the bounds and a bomb-like ratio, naming the bound', async () => {
    const many = writeZip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, data: 'x' })));
    expect(await boundOf(inspectZip(many, bounds))).toEqual({ kind: 'entries', limit: 10, found: 11 });
    const big = writeZip([{ name: 'huge.xml', data: 'a', declaredBytes: 400 * MiB }]);
    expect(await boundOf(inspectZip(big, bounds))).toMatchObject({ kind: 'unpacked', limit: 8, found: 400 });
    const total = writeZip([
      { name: '1', data: Buffer.alloc(7 * MiB, 'ab') },
      { name: '2', data: Buffer.alloc(7 * MiB, 'ab') },
    ]);
    expect(await boundOf(inspectZip(total, { ...bounds, maxRatio: 100_000 }))).toMatchObject({ kind: 'unpacked', limit: 12 });
    const bomb = writeZip([{ name: 'zeros', data: Buffer.alloc(4 * MiB) }]);
    expect(await boundOf(inspectZip(bomb, bounds))).toMatchObject({ kind: 'ratio', limit: 200 });
    expect(await boundOf(inspectZip(Buffer.from('PK\u0003\u0004 not a zip'), bounds))).toMatchObject({ kind: 'unreadable' });
  });
});

describe('inflateZipChecked', () => {
  it('stops an entry that inflates past the size its headers declare, and returns the heads it was asked for', async () => {
    const liar = writeZip([{ name: 'sheet.xml', data: Buffer.alloc(3 * MiB, 'abc'), declaredBytes: 100 }]);
    expect(await boundOf(inflateZipChecked(liar, bounds, () => false))).toMatchObject({ kind: 'unpacked' });
    const honest = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: `<worksheet><dimension ref="A1:C3"/>${'x'.repeat(9000)}` }]);
    const heads = await inflateZipChecked(honest, bounds, (name) => name.startsWith('xl/'));
    expect(heads.get('xl/worksheets/sheet1.xml')).toMatch(/^<worksheet><dimension ref="A1:C3"\/>x+$/);
    expect(heads.get('xl/worksheets/sheet1.xml')).toHaveLength(4096);
  });
});
