import { describe, expect, it } from 'vitest';
import { aidOutsideScope } from './aid-scope';
import { certificatesBeyondHomeTerm } from './home-term';
import { ev, record } from './test-fixtures';

// record(): provinces ['new34:01'], sectors ['HEALTH'].
const hd = record('hd', 'GDKHD', '2024-01-10', '2027-01-10');

describe('certificatesBeyondHomeTerm', () => {
  it('flags a running certificate whose validity passes the home term, and only that one', () => {
    const ended = record('ended', 'GDKHD', '2024-01-10', '2027-01-10', [ev('REVOKED', '2025-01-01', undefined, 'D58_ART19_1A')]);
    const expired = record('old', 'GDKHD', '2020-01-10', '2023-01-10');
    expect(certificatesBeyondHomeTerm([hd, ended, expired], '2026-06-30', '2025-06-01')).toEqual([
      { certificateId: 'hd', type: 'GDKHD', validUntil: '2027-01-10', homeTermUntil: '2026-06-30' },
    ]);
    expect(certificatesBeyondHomeTerm([hd], '2027-01-10', '2025-06-01')).toEqual([]);
    expect(certificatesBeyondHomeTerm([hd], null, '2025-06-01')).toEqual([]);
  });
});

describe('aidOutsideScope', () => {
  const rollsUp = (id: string) => ({ 'old63:02': 'new34:01', 'old63:03': 'new34:01', 'old63:40': 'new34:40' })[id] ?? id;
  const aid = { start: '2025-03-01', end: '2025-12-31' };

  it('reports the provinces and fields no certificate in force covered', () => {
    expect(aidOutsideScope({ ...aid, provinceIds: ['new34:01', 'new34:40'], sectorCodes: ['HEALTH', 'EDU'] }, [hd], rollsUp)).toEqual({
      provinceIds: ['new34:40'],
      sectorCodes: ['EDU'],
    });
  });

  it('compares old and new province ids through the merger, but keeps two merged old units apart', () => {
    const old = {
      id: 'o',
      type: 'GDKHD' as const,
      events: [ev('ISSUED', '2024-01-10', { validUntil: '2027-01-10', provinces: ['old63:02'], sectors: ['HEALTH'] })],
    };
    expect(aidOutsideScope({ ...aid, provinceIds: ['old63:02', 'old63:03'], sectorCodes: [] }, [hd], rollsUp).provinceIds).toEqual([]);
    expect(aidOutsideScope({ ...aid, provinceIds: ['new34:01', 'old63:03'], sectorCodes: [] }, [old], rollsUp).provinceIds).toEqual([
      'old63:03',
    ]);
  });

  it('reads the certificate as of the aid dates: an amendment during the aid counts, a terminated or expired one does not', () => {
    const amended = record('a', 'GDKHD', '2024-01-10', '2027-01-10', [
      ev('AMENDED', '2025-06-01', { provinces: ['new34:01', 'new34:40'] }),
    ]);
    expect(aidOutsideScope({ ...aid, provinceIds: ['new34:40'], sectorCodes: [] }, [amended], rollsUp).provinceIds).toEqual([]);
    const later = { start: '2028-01-01', end: '2028-06-30', provinceIds: ['new34:01'], sectorCodes: ['HEALTH'] };
    expect(aidOutsideScope(later, [hd], rollsUp)).toEqual({ provinceIds: ['new34:01'], sectorCodes: ['HEALTH'] });
    const revoked = record('r', 'GDKHD', '2024-01-10', '2027-01-10', [ev('REVOKED', '2025-01-01', undefined, 'D58_ART19_1A')]);
    expect(aidOutsideScope({ ...aid, provinceIds: ['new34:01'], sectorCodes: [] }, [revoked], rollsUp).provinceIds).toEqual(['new34:01']);
  });
});
