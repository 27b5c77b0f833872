/**
 * Which old (pre-2025) province a point lies in: point-in-polygon over the 63 official provincial polygons
 * (province-shapes.generated.ts, Hoàng Sa in Đà Nẵng and Trường Sa in Khánh Hòa). Pure; the polygons are decoded
 * once, on the first call (about 26,000 vertices), and every polygon part carries its bounding box so that a point
 * is tested against the few parts whose box contains it.
 * @module
 */
import type { ProvinceCode } from './model';
import { PROVINCE_SHAPES_63 } from './province-shapes.generated';
import { pointInVietnamBox } from './vietnam';

/** One polygon part in 1e-4° units: vertex coordinates and bounding box. */
interface Part {
  xs: Int32Array;
  ys: Int32Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

interface Shape {
  code: ProvinceCode;
  parts: Part[];
}

let shapes: Shape[] | undefined;

function decodePart(text: string): Part {
  const nums = text.split(',').map(Number);
  const n = nums.length / 2;
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  let [x, y] = [0, 0];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    x += nums[2 * i]!;
    y += nums[2 * i + 1]!;
    xs[i] = x;
    ys[i] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { xs, ys, minX, minY, maxX, maxY };
}

/** The decoded polygons (decoded on first use, then kept). Exported for tests. */
export function provinceShapes(): readonly Shape[] {
  shapes ??= PROVINCE_SHAPES_63.map(([code, rings]) => ({
    code: `old63:${code}` as ProvinceCode,
    parts: rings.split(';').map(decodePart),
  }));
  return shapes;
}

/** Even-odd ray casting: true when (x, y) is inside the ring (a point exactly on an edge may go either way). */
function inRing(p: Part, x: number, y: number): boolean {
  let inside = false;
  const { xs, ys } = p;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    const yi = ys[i]!;
    const yj = ys[j]!;
    if (yi > y !== yj > y && x < ((xs[j]! - xs[i]!) * (y - yi)) / (yj - yi) + xs[i]!) inside = !inside;
  }
  return inside;
}

/**
 * The old province (`old63:NN`) containing a WGS 84 point, or undefined when the point is outside every province:
 * in the sea (beyond the simplified coastline, about 300 m), or in another country.
 */
export function provinceAtPoint(lat: number, lon: number): ProvinceCode | undefined {
  if (!pointInVietnamBox(lat, lon)) return undefined;
  const x = lon * 1e4;
  const y = lat * 1e4;
  for (const s of provinceShapes()) {
    for (const p of s.parts) {
      if (x < p.minX || x > p.maxX || y < p.minY || y > p.maxY) continue;
      if (inRing(p, x, y)) return s.code;
    }
  }
  return undefined;
}
