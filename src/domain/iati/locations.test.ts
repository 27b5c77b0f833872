import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crosswalkRows, encodeRing } from '../../modules/iati/xml/generate-locations';
import { ADMIN_CODES } from './admin-codes.generated';
import { resolveLocation, type LocationEvidence } from './locations';
import { matchLocationName } from './locations-names';
import { provinceAtPoint } from './locations-point';
import { PROVINCE_SHAPES_63 } from './province-shapes.generated';
import { PROVINCES } from './provinces.generated';
import { provinceByCode, rollUpProvince } from './provinces';

const file = (p: string) => readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8');
const OLD = PROVINCES.filter((p) => p.code.startsWith('old63:')).map((p) => p.code.slice(6));
const resolve = (e: Partial<LocationEvidence>, onDate?: string) => resolveLocation({ codes: [], names: [], ...e }, onDate);
const at = (lat: number, lon: number) => resolve({ point: { lat, lon } });

describe('the admin-code crosswalk (admin-codes.vn.csv)', () => {
  it('is what the generated module holds', () => {
    expect(ADMIN_CODES).toEqual(crosswalkRows(file('./admin-codes.vn.csv')));
  });

  it('lists every one of the 63 old provinces exactly once in each code list, each code once', () => {
    expect(ADMIN_CODES.map((r) => r.old63).sort()).toEqual([...OLD].sort());
    for (const list of [ADMIN_CODES.map((r) => r.iso), ADMIN_CODES.map((r) => r.geonamesAdmin1), ADMIN_CODES.map((r) => r.geonamesId)]) {
      expect(list).toHaveLength(63);
      expect(new Set(list).size).toBe(63);
    }
    expect(ADMIN_CODES.every((r) => /^VN-(\d\d|HN|SG|HP|DN|CT)$/.test(r.iso) && /^VN\.\d\d$/.test(r.geonamesAdmin1))).toBe(true);
  });
});

describe('resolving a location by administrative code', () => {
  it('finds every old province by its ISO 3166-2 code, its GeoNames ADM1 code and its GeoNames id', () => {
    for (const r of ADMIN_CODES) {
      const expected = { ok: true, code: `old63:${r.old63}`, by: 'code' };
      expect(resolve({ codes: [{ vocabulary: 'A4', level: '1', code: r.iso }] })).toEqual(expected);
      expect(resolve({ codes: [{ code: r.iso.toLowerCase() }] })).toEqual(expected);
      expect(resolve({ codes: [{ vocabulary: 'G1', level: '1', code: r.geonamesAdmin1 }] })).toEqual(expected);
      expect(resolve({ codes: [{ vocabulary: 'G1', level: '1', code: r.geonamesId }] })).toEqual(expected);
    }
  });

  it('reads the codes as their sources define them (spot checks against ISO and GeoNames)', () => {
    const name = (e: Partial<LocationEvidence>) => {
      const m = resolve(e);
      return m.ok ? provinceByCode(m.code)?.nameVi : m.reason;
    };
    expect(name({ codes: [{ vocabulary: 'A4', code: 'VN-HN' }] })).toBe('Hà Nội');
    expect(name({ codes: [{ vocabulary: 'A4', code: 'VN-SG' }] })).toBe('Hồ Chí Minh');
    expect(name({ codes: [{ vocabulary: 'A4', code: 'VN-01' }] })).toBe('Lai Châu'); // ISO 01 is not GSO 01
    expect(name({ codes: [{ vocabulary: 'G1', code: 'VN.44' }] })).toBe('Hà Nội'); // GeoNames' own numbering
    expect(name({ codes: [{ vocabulary: 'G1', code: 'VN.01' }] })).toBe('An Giang');
    expect(name({ codes: [{ vocabulary: 'G1', code: '1905669' }] })).toBe('Bắc Kạn');
  });

  it('ignores country-level codes and reports codes it does not know', () => {
    expect(resolve({ codes: [{ vocabulary: 'A4', level: '0', code: 'VN' }] })).toMatchObject({ ok: false, reason: 'unknown_name' });
    expect(
      resolve({
        codes: [
          { vocabulary: 'A1', level: '1', code: '3313' },
          { vocabulary: 'G1', code: 'VN.99' },
        ],
      }),
    ).toEqual({
      ok: false,
      reason: 'no_code_match',
      detail: 'code A1:3313; code G1:VN.99',
    });
    // A GeoNames code under another vocabulary is not a GeoNames code.
    expect(resolve({ codes: [{ vocabulary: 'A3', code: 'VN.44' }] })).toMatchObject({ ok: false, reason: 'no_code_match' });
  });
});

describe('resolving a location by point', () => {
  it('uses the 63 old provinces of ../shared/data/vn-admin, every part a ring without holes', () => {
    type Geo = { features: { properties: { old_code: string }; geometry: { type: string; coordinates: unknown } }[] };
    const geo = JSON.parse(file('../../../../shared/data/vn-admin/vn-provinces-63-old.geojson')) as Geo;
    const polygons = (g: Geo['features'][number]['geometry']) =>
      (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as [number, number][][][];
    expect(geo.features.every((f) => polygons(f.geometry).every((p) => p.length === 1))).toBe(true);
    expect(PROVINCE_SHAPES_63).toEqual(
      geo.features.map((f) => [
        f.properties.old_code,
        polygons(f.geometry)
          .map((p) => encodeRing(p[0]!))
          .join(';'),
      ]),
    );
    expect(PROVINCE_SHAPES_63.map(([code]) => code).sort()).toEqual([...OLD].sort());
  });

  it('places points inside provinces, islands included', () => {
    expect(at(21.0285, 105.8542)).toEqual({ ok: true, code: 'old63:01', by: 'point' }); // Hoàn Kiếm, Hà Nội
    expect(at(10.7725, 106.698)).toMatchObject({ code: 'old63:79' }); // Bến Thành, TP HCM
    expect(at(16.0678, 108.2208)).toMatchObject({ code: 'old63:48' }); // Đà Nẵng
    expect(at(12.6667, 108.05)).toMatchObject({ code: 'old63:66' }); // Buôn Ma Thuột, Đắk Lắk
    expect(at(22.3364, 103.8438)).toMatchObject({ code: 'old63:10' }); // Sa Pa, Lào Cai
    expect(at(10.227, 103.967)).toMatchObject({ code: 'old63:91' }); // Phú Quốc island, Kiên Giang
    expect(at(8.6453, 111.9198)).toMatchObject({ code: 'old63:56' }); // Trường Sa Lớn island, Trường Sa, Khánh Hòa
  });

  it('places a point of a merged province in its old province, which rolls up to the new one', () => {
    const m = at(22.8233, 104.9836); // Hà Giang city
    expect(m).toMatchObject({ ok: true, code: 'old63:02' });
    expect(rollUpProvince(m.ok ? m.code : 'old63:00')).toBe('new34:08'); // Tuyên Quang since 01/07/2025
  });

  it('leaves points in the sea or in another country unmatched', () => {
    expect(at(12.0, 110.5)).toEqual({ ok: false, reason: 'point_outside', detail: 'point 12 110.5' }); // South China Sea
    expect(at(19.0, 107.0)).toMatchObject({ ok: false, reason: 'point_outside' }); // Gulf of Tonkin
    expect(at(17.9757, 102.6331)).toMatchObject({ ok: false, reason: 'point_outside' }); // Vientiane, inside Viet Nam's box
    expect(at(-33.86, 151.2)).toMatchObject({ ok: false, reason: 'point_outside' });
  });

  it('agrees with the 34 current provinces once rolled up (web/public/maps/vn-provinces-34.geojson)', () => {
    type Geo = { features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[] };
    const geo = JSON.parse(file('../../../web/public/maps/vn-provinces-34.geojson')) as Geo;
    const rings = geo.features.flatMap((f) => {
      const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
      return polys.map((p) => {
        const xs = p[0]!.map((c) => c[0]!);
        const ys = p[0]!.map((c) => c[1]!);
        const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
        return { code: `new34:${f.properties.code}`, ring: p[0]!, box };
      });
    });
    const inRing = ({ ring, box }: (typeof rings)[number], x: number, y: number) => {
      if (x < box[0] || y < box[1] || x > box[2] || y > box[3]) return false;
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
      }
      return inside;
    };
    let both = 0;
    let differ = 0;
    const sampled = new Set<string>();
    for (let lat = 8.55; lat < 23.4; lat += 0.1) {
      for (let lon = 102.15; lon < 109.5; lon += 0.1) {
        const old = provinceAtPoint(lat, lon);
        const current = rings.find((r) => inRing(r, lon, lat))?.code;
        if (!old || !current) continue;
        both++;
        sampled.add(current);
        if (rollUpProvince(old) !== current) differ++;
      }
    }
    expect(sampled.size).toBe(34); // every current province is sampled, through its old ones
    expect(differ / both).toBeLessThan(0.01); // only cells on a simplified border may differ
  });
});

describe('resolving a location by name', () => {
  it('matches a garbled name whose lost characters fit exactly one province', () => {
    expect(matchLocationName('Hu?')).toEqual({ ok: true, candidates: ['new34:46', 'old63:46'] });
    expect(resolve({ names: ['Hu?'] }, '2020-03-01')).toEqual({ ok: true, code: 'old63:46', by: 'name', name: 'Hu?' });
    expect(resolve({ names: ['B?c Liêu'] })).toMatchObject({ ok: true, code: 'old63:95' });
    expect(resolve({ names: ['T?nh Qu\uFFFDng Nam'] })).toMatchObject({ ok: true, code: 'old63:49' });
    expect(resolve({ names: ['Ðắk Nông'] })).toMatchObject({ ok: true, code: 'old63:67' }); // GeoNames' Icelandic Ð
  });

  it('refuses a garbled name that fits several provinces, and says which', () => {
    expect(resolve({ names: ['?inh Thu?n'] })).toEqual({
      ok: false,
      reason: 'ambiguous_name',
      detail: 'name "?inh Thu?n" (old63:58, old63:60)', // Ninh Thuận, Bình Thuận
    });
    expect(resolve({ names: ['Atlantis'] })).toEqual({ ok: false, reason: 'unknown_name', detail: 'name "Atlantis"' });
    expect(resolve({})).toEqual({ ok: false, reason: 'unknown_name', detail: 'no code, point or name' });
  });
});

describe('the order of the evidence', () => {
  it('takes the code before the point and the point before the name', () => {
    const hanoiPoint = { lat: 21.0285, lon: 105.8542 };
    expect(resolve({ codes: [{ vocabulary: 'G1', code: 'VN.20' }], point: hanoiPoint, names: ['Huế'] })).toMatchObject({
      code: 'old63:79',
    });
    expect(resolve({ codes: [{ vocabulary: 'A1', code: '1' }], point: hanoiPoint, names: ['Huế'] })).toMatchObject({ code: 'old63:01' });
    expect(resolve({ point: { lat: 12, lon: 110.5 }, names: ['Huế'] }, '2026-01-01')).toMatchObject({ code: 'new34:46', by: 'name' });
  });

  it('gives the most telling reason when nothing matches', () => {
    expect(resolve({ codes: [{ code: 'X' }], point: { lat: 12, lon: 110.5 }, names: ['?inh Thu?n'] })).toMatchObject({
      reason: 'point_outside',
      detail: 'code -:X; point 12 110.5; name "?inh Thu?n" (old63:58, old63:60)',
    });
    expect(resolve({ codes: [{ code: 'X' }], names: ['Atlantis', '?inh Thu?n'] })).toMatchObject({ reason: 'ambiguous_name' });
  });
});
