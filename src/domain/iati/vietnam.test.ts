import { describe, expect, it } from 'vitest';
import { adminCodeIsVietnam, parsePos, pointInVietnamBox, VietnamEvidenceCollector } from './vietnam';

describe('Vietnam evidence', () => {
  it('reads IATI points (latitude first)', () => {
    expect(parsePos('21.0285 105.8542')).toEqual({ lat: 21.0285, lon: 105.8542 });
    expect(parsePos('105.8542')).toBeUndefined();
    expect(parsePos('abc def')).toBeUndefined();
    expect(parsePos('95 10')).toBeUndefined();
  });

  it('uses the bounding box of mainland and islands', () => {
    expect(pointInVietnamBox(21.0285, 105.8542)).toBe(true); // Hà Nội
    expect(pointInVietnamBox(8.6, 104.7)).toBe(true); // Cà Mau
    expect(pointInVietnamBox(10.38, 114.36)).toBe(true); // Trường Sa
    expect(pointInVietnamBox(105.8542, 21.0285)).toBe(false); // swapped order
    expect(pointInVietnamBox(-1.29, 36.82)).toBe(false); // Nairobi
  });

  it('recognises Vietnamese administrative codes', () => {
    expect(adminCodeIsVietnam('A4', 'VN')).toBe(true);
    expect(adminCodeIsVietnam('A3', 'VNM.25_1')).toBe(true);
    expect(adminCodeIsVietnam('G1', '1562822')).toBe(true);
    expect(adminCodeIsVietnam(undefined, 'VN-HN')).toBe(true);
    expect(adminCodeIsVietnam('A4', 'KH')).toBe(false);
    expect(adminCodeIsVietnam('G1', '1453782')).toBe(false);
  });

  it('downgrades ambiguous evidence when the publisher names other countries only', () => {
    const c = new VietnamEvidenceCollector();
    c.add('point', '11.55 104.92'); // Phnom Penh is inside the box
    c.add('region', '789', false);
    expect(c.result().concernsVietnam).toBe(true);
    expect(c.result(true).concernsVietnam).toBe(false);
    c.add('province', 'VN-new34-01');
    expect(c.result(true).concernsVietnam).toBe(true);
  });
});
