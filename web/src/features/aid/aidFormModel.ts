/** The aid form's state and rules, kept apart from the screen so the page stays about layout. */
import type { TFunction } from 'i18next';
import { sharesComplete, type ShareRow } from './AidFormParts';
import type { AidDetail, AidPartner } from './types';
import { PROVINCE_REFORM_DATE } from '@common/time/province-reform';

/** From this date locations are the 34 current provinces (common/time/province-reform.ts). */
export const REFORM_DATE = PROVINCE_REFORM_DATE;
export const TEXT = [
  'titleVi',
  'titleEn',
  'descriptionVi',
  'descriptionEn',
  'otherDonorName',
  'aidOwnerName',
  'approvalDecisionNumber',
  'iatiIdentifier',
] as const;
export const DATES = ['approvalDate', 'plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const;
export type State = Record<
  | (typeof TEXT)[number]
  | (typeof DATES)[number]
  | 'modality'
  | 'status'
  | 'organisationId'
  | 'organisationName'
  | 'donorCountryCode'
  | 'governingAgencyId'
  | 'defaultCurrency',
  string
> & {
  budgetRevenue: boolean;
  donorKind: 'ngo' | 'other';
  locations: ShareRow[];
  sectors: ShareRow[];
  partners: Pick<AidPartner, 'role' | 'name'>[];
};

export const empty: State = {
  ...(Object.fromEntries([...TEXT, ...DATES].map((k) => [k, ''])) as Record<(typeof TEXT)[number] | (typeof DATES)[number], string>),
  modality: 'PROJECT',
  status: 'PIPELINE',
  organisationId: '',
  organisationName: '',
  donorCountryCode: '',
  governingAgencyId: '',
  defaultCurrency: 'USD',
  budgetRevenue: false,
  donorKind: 'ngo',
  locations: [],
  sectors: [],
  partners: [],
};

export function fromDetail(a: AidDetail): State {
  return {
    ...(Object.fromEntries([...TEXT, ...DATES].map((k) => [k, a[k] ?? ''])) as Record<
      (typeof TEXT)[number] | (typeof DATES)[number],
      string
    >),
    modality: a.modality,
    status: a.storedStatus,
    organisationId: a.organisationId ?? '',
    organisationName: a.organisationName ?? '',
    donorCountryCode: a.donorCountryCode ?? '',
    governingAgencyId: a.governingAgencyId ?? '',
    defaultCurrency: a.defaultCurrency,
    budgetRevenue: a.budgetRevenue,
    donorKind: a.organisationId ? 'ngo' : 'other',
    locations: a.locations.map((l) => ({ key: l.provinceId, share: l.share })),
    sectors: a.sectors.map((s) => ({ key: s.code, share: s.share })),
    partners: a.partners.map((p) => ({ role: p.role, name: p.name })),
  };
}

/** The province code scheme an item uses, by its reference date (approval, else planned start, else actual start). */
export function schemeOf(form: State): 'old63' | 'new34' {
  const referenceDate = form.approvalDate || form.plannedStart || form.actualStart;
  return referenceDate && referenceDate < REFORM_DATE ? 'old63' : 'new34';
}

/** The problems the server would report, checked before sending (keyed by field). */
export function formProblems(form: State, officer: boolean, t: TFunction): Record<string, string> {
  const scheme = schemeOf(form);
  const p: Record<string, string> = {};
  if (form.titleVi.trim().length < 3) p.titleVi = t('form.errors.titleVi');
  if (form.donorKind === 'ngo' && officer && !form.organisationId) p.organisationId = t('form.errors.donor');
  if (form.donorKind === 'other' && !form.otherDonorName.trim()) p.otherDonorName = t('form.errors.donor');
  if (['APPROVED', 'IMPLEMENTING', 'COMPLETED'].includes(form.status)) {
    if (!form.approvalDecisionNumber.trim()) p.approvalDecisionNumber = t('form.errors.required');
    if (!form.approvalDate) p.approvalDate = t('form.errors.required');
  }
  if (['IMPLEMENTING', 'COMPLETED'].includes(form.status) && !form.actualStart) p.actualStart = t('form.errors.required');
  if (form.status === 'COMPLETED' && !form.actualEnd) p.actualEnd = t('form.errors.required');
  if (form.plannedStart && form.plannedEnd && form.plannedEnd < form.plannedStart) p.plannedEnd = t('form.errors.dateOrder');
  if (form.actualStart && form.actualEnd && form.actualEnd < form.actualStart) p.actualEnd = t('form.errors.dateOrder');
  if (!sharesComplete(form.locations) || form.locations.some((l) => !l.key)) p.locations = t('form.errors.shares');
  if (!sharesComplete(form.sectors) || form.sectors.some((s) => !s.key)) p.sectors = t('form.errors.shares');
  if (form.locations.some((l) => l.key && !l.key.startsWith(`${scheme}:`)))
    p.locations = t(scheme === 'old63' ? 'form.errors.oldCodes' : 'form.errors.newCodes');
  return p;
}

/** The request body for POST/PATCH /api/aid (an NGO never sends status or approval fields). */
export function toBody(form: State, officer: boolean): Record<string, unknown> {
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  const body: Record<string, unknown> = {
    modality: form.modality,
    ...Object.fromEntries(TEXT.map((k) => [k, text(form[k])])),
    ...Object.fromEntries(DATES.map((k) => [k, form[k] || null])),
    titleVi: form.titleVi.trim(),
    organisationId: form.donorKind === 'ngo' && officer ? form.organisationId || null : undefined,
    otherDonorName: form.donorKind === 'other' ? text(form.otherDonorName) : null,
    donorCountryCode: form.donorCountryCode || null,
    governingAgencyId: form.governingAgencyId || null,
    defaultCurrency: form.defaultCurrency,
    budgetRevenue: form.budgetRevenue,
    locations: form.locations.map((l) => ({ provinceId: l.key, share: l.share })),
    sectors: form.sectors.map((s) => ({ code: s.key, share: s.share })),
    partners: form.partners.filter((p) => p.name.trim()).map((p) => ({ role: p.role, name: p.name.trim() })),
  };
  if (officer) body.status = form.status;
  else for (const key of ['status', 'approvalDecisionNumber', 'approvalDate'] as const) delete body[key];
  if (!body.iatiIdentifier) delete body.iatiIdentifier;
  return body;
}
