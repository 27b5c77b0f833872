import { describe, expect, it } from 'vitest';
import { consultationTargets } from './consultation';
import { procedureFor } from './definitions';
import { DomainRuleError } from '../rule-error';

const rules = (code: string, date = '2024-01-01') => {
  const c = procedureFor(code, date).consultation;
  if (!c) throw new Error('no consultation');
  return c;
};

describe('consultationTargets', () => {
  it('consults the fixed ministries plus sector ministries, area provinces and aid approvers for a new GDKHD', () => {
    const targets = consultationTargets(rules('NEW_GDKHD'), {
      sectors: ['HEALTH', 'EDUCATION'],
      provinces: ['new34:92', 'new34:01'],
      officeProvince: 'new34:79',
      aidApprovingAgencies: ['MOH'],
    });
    expect(targets).toEqual([
      { kind: 'AGENCY', agency: 'MPS' },
      { kind: 'AGENCY', agency: 'MPI' },
      { kind: 'AGENCY', agency: 'MOHA' },
      { kind: 'AGENCY', agency: 'MOF' },
      { kind: 'AGENCY', agency: 'SBV' },
      { kind: 'LINE_MINISTRY_OF_SECTOR', sector: 'HEALTH' },
      { kind: 'LINE_MINISTRY_OF_SECTOR', sector: 'EDUCATION' },
      { kind: 'PROVINCE', province: 'new34:92', reason: 'AREA' },
      { kind: 'PROVINCE', province: 'new34:01', reason: 'AREA' },
      { kind: 'AID_APPROVING_AGENCY', agency: 'MOH' },
    ]);
  });

  it('adds the office province for a representative office, once', () => {
    const withOffice = consultationTargets(rules('NEW_GDKVPDD'), {
      sectors: ['HEALTH'],
      provinces: ['new34:92'],
      officeProvince: 'new34:79',
    });
    expect(withOffice.at(-1)).toEqual({ kind: 'PROVINCE', province: 'new34:79', reason: 'OFFICE' });
    const same = consultationTargets(rules('NEW_GDKVPDD'), { sectors: [], provinces: ['new34:79'], officeProvince: 'new34:79' });
    expect(same.filter((t) => t.kind === 'PROVINCE')).toEqual([{ kind: 'PROVINCE', province: 'new34:79', reason: 'AREA' }]);
  });

  it('consults for an amendment only those concerned by the change', () => {
    const targets = consultationTargets(rules('AMEND'), {
      sectors: ['HEALTH', 'EDUCATION'],
      provinces: ['new34:01', 'new34:92'],
      officeProvince: 'new34:01',
      aidApprovingAgencies: ['MOH'],
      changed: { provinces: ['new34:92'] },
      concerned: ['MPS'],
    });
    expect(targets).toEqual([
      { kind: 'AGENCY', agency: 'MPS' },
      { kind: 'PROVINCE', province: 'new34:92', reason: 'AREA' },
    ]);
    const moved = consultationTargets(rules('AMEND'), { changed: { officeProvince: 'new34:48' } });
    expect(moved).toEqual([{ kind: 'PROVINCE', province: 'new34:48', reason: 'OFFICE' }]);
    expect(consultationTargets(rules('REISSUE'), { sectors: ['HEALTH'] })).toEqual([]);
  });

  it('consults VUFO on aid only when the donor is a foreign NGO, nobody on relief aid', () => {
    const aid = rules('AID_APPROVAL');
    const agencies = (donorIsFngo: boolean) =>
      consultationTargets(aid, { variant: 'CENTRAL', donorIsFngo, specialisedAgencies: ['MOH'] }).map((t) =>
        t.kind === 'AGENCY' ? t.agency : t.kind,
      );
    expect(agencies(true)).toEqual(['MPI', 'MOF', 'MPS', 'MOFA', 'VUFO', 'SPECIALISED_AGENCY']);
    expect(agencies(false)).not.toContain('VUFO');
    expect(consultationTargets(aid, { variant: 'RELIEF_RECOVERY', donorIsFngo: true })).toEqual([]);
    expect(() => consultationTargets(aid, { variant: 'DEFAULT' })).toThrow(DomainRuleError);
  });
});
