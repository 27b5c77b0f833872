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

/** One polygon part in 1e-4° units: its province, vertex coordinates and bounding box. */
interface Part {
  code: ProvinceCode;
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

function decodePart(code: ProvinceCode, text: string): Part {
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
  return { code, xs, ys, minX, minY, maxX, maxY };
}

/** The decoded polygons (decoded on first use, then kept). Exported for tests. */
export function provinceShapes(): readonly Shape[] {
  shapes ??= PROVINCE_SHAPES_63.map(([nn, rings]) => {
    const code = `old63:${nn}` as ProvinceCode;
    return { code, parts: rings.split(';').map((ring) => decodePart(code, ring)) };
  });
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

/** Grid cell size, in 1e-4° units (0.2°). */
const CELL = 2000;

/**
 * A grid over Viet Nam's box: for each cell, the parts whose boundary crosses it (a point there needs the ring test)
 * and the province, if any, that holds the rest of the cell whole (found on the cell's first point, then kept).
 * Most points then cost one lookup and a ring test or two instead of a scan of all 795 parts.
 */
interface Grid {
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  crossing: (Part[] | undefined)[];
  /** Filled on first use of a cell: the province holding the cell whole, apart from crossing parts; '' for none. */
  containing: (ProvinceCode | '' | undefined)[];
  all: Part[];
}

/**
 * The province holding the centre of cell `i` among the parts that do not cross it: each of those holds the whole
 * cell or none of it.
 */
function containingOf(g: Grid, i: number): ProvinceCode | '' {
  const [x, y] = [g.x0 + ((i % g.cols) + 0.5) * CELL, g.y0 + (Math.floor(i / g.cols) + 0.5) * CELL];
  const crossing = g.crossing[i] ?? [];
  const hit = g.all.find((p) => x >= p.minX && x <= p.maxX && y >= p.minY && y <= p.maxY && !crossing.includes(p) && inRing(p, x, y));
  return hit?.code ?? '';
}

let grid: Grid | undefined;

function buildGrid(): Grid {
  const all = provinceShapes().flatMap((s) => s.parts);
  const x0 = Math.floor(Math.min(...all.map((a) => a.minX)) / CELL) * CELL;
  const y0 = Math.floor(Math.min(...all.map((a) => a.minY)) / CELL) * CELL;
  const cols = Math.ceil((Math.max(...all.map((a) => a.maxX)) - x0) / CELL) + 1;
  const rows = Math.ceil((Math.max(...all.map((a) => a.maxY)) - y0) / CELL) + 1;
  const crossing: Set<Part>[] = Array.from({ length: cols * rows }, () => new Set<Part>());
  for (const part of all) {
    const { xs, ys } = part;
    for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
      const [c0, c1] = [Math.floor((Math.min(xs[i]!, xs[j]!) - x0) / CELL), Math.floor((Math.max(xs[i]!, xs[j]!) - x0) / CELL)];
      const [r0, r1] = [Math.floor((Math.min(ys[i]!, ys[j]!) - y0) / CELL), Math.floor((Math.max(ys[i]!, ys[j]!) - y0) / CELL)];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) crossing[r * cols + c]!.add(part);
    }
  }
  return {
    x0,
    y0,
    cols,
    rows,
    crossing: crossing.map((set) => (set.size ? [...set] : undefined)),
    containing: new Array<ProvinceCode | '' | undefined>(cols * rows),
    all,
  };
}

/**
 * The old province (`old63:NN`) containing a WGS 84 point, or undefined when the point is outside every province:
 * in the sea (beyond the simplified coastline, about 300 m), or in another country.
 */
export function provinceAtPoint(lat: number, lon: number): ProvinceCode | undefined {
  if (!pointInVietnamBox(lat, lon)) return undefined;
  const g = (grid ??= buildGrid());
  const x = lon * 1e4;
  const y = lat * 1e4;
  const c = Math.floor((x - g.x0) / CELL);
  const r = Math.floor((y - g.y0) / CELL);
  if (c < 0 || r < 0 || c >= g.cols || r >= g.rows) return undefined;
  for (const p of g.crossing[r * g.cols + c] ?? []) {
    if (x >= p.minX && x <= p.maxX && y >= p.minY && y <= p.maxY && inRing(p, x, y)) return p.code;
  }
  const i = r * g.cols + c;
  return (g.containing[i] ??= containingOf(g, i)) || undefined;
}
