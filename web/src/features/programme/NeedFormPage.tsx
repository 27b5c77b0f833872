import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice, Loading } from '../../components/States';
import { useReference } from '../aid/useReference';
import { pick, type NeedDetail } from './types';
import { useProgrammes } from './useProgrammes';
import './programme.css';
import { hasNationalScope } from '@common/auth/national-scope';

type Form = Record<string, string>;
const TEXT_FIELDS = [
  'titleVi',
  'titleEn',
  'summaryVi',
  'summaryEn',
  'beneficiaries',
  'counterpartNote',
  'contactOffice',
  'contactEmail',
  'contactPhone',
];

/** The form's values from a stored proposal (empty strings for what is not set). */
function formOf(n: NeedDetail | undefined, provinceId: string | null): Form {
  const value = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    programmeCode: value(n?.programmeCode ?? 'NP-2026-2030'),
    priorityCode: value(n?.priorityCode),
    sectorCode: value(n?.sectorCode),
    provinceIds: (n?.provinceIds ?? (provinceId ? [provinceId] : [])).join(','),
    budget: value(n?.budget),
    currency: value(n?.currency ?? 'USD'),
    durationMonths: value(n?.durationMonths),
    beneficiariesCount: value(n?.beneficiariesCount),
    counterpartAmount: value(n?.counterpartAmount),
    proposingAgencyId: '',
    ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, value(n?.[k as keyof NeedDetail])])),
  };
}

/** The body the API takes: empty optional fields as null, numbers as numbers, provinces as a list. */
function bodyOf(form: Form, creating: boolean): Record<string, unknown> {
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  const body: Record<string, unknown> = {
    programmeCode: orNull(form.programmeCode!),
    priorityCode: orNull(form.priorityCode!),
    sectorCode: form.sectorCode,
    provinceIds: form.provinceIds!.split(',').filter(Boolean),
    budget: form.budget!.trim(),
    currency: form.currency,
    durationMonths: form.durationMonths ? Number(form.durationMonths) : null,
    beneficiariesCount: form.beneficiariesCount ? Number(form.beneficiariesCount) : null,
    counterpartAmount: orNull(form.counterpartAmount!),
    ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, orNull(form[k] ?? '')])),
  };
  body.titleVi = form.titleVi!.trim();
  if (creating && form.proposingAgencyId) body.proposingAgencyId = form.proposingAgencyId;
  return body;
}

/** Proposing a project seeking aid, or changing a draft / a proposal returned for changes. */
export function NeedFormPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('programme');
  const lang = i18n.language;
  const { user } = useSession();
  const navigate = useNavigate();
  const { sectors, provinces, currencies, agencies, name } = useReference();
  const programmes = useProgrammes();
  const existing = useQuery({
    queryKey: ['need', id, user?.id],
    queryFn: () => api.get<NeedDetail>(`/api/needs/${id}`),
    enabled: Boolean(id),
  });
  const [form, setForm] = useState<Form | null>(id ? null : formOf(undefined, user?.provinceId ?? null));
  useEffect(() => {
    if (existing.data && !form) setForm(formOf(existing.data, null));
  }, [existing.data, form]);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id
        ? api.patch<NeedDetail>(`/api/needs/${id}`, { ...body, version: existing.data!.version })
        : api.post<NeedDetail>('/api/needs', body),
    onSuccess: (n) => navigate(`/needs/${n.id}`),
  });
  if (!form || programmes.isLoading) return <Loading />;
  const set = (key: string) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const programme = programmes.data?.find((p) => p.code === form.programmeCode);
  const priority = programme?.content.priorities.find((p) => p.code === form.priorityCode);
  const sectorOptions = (sectors.data ?? []).filter((s) => !priority || priority.sectorCodes.includes(s.code));
  const central = hasNationalScope(user);
  const ownProvince = user?.role === 'agency' ? user.provinceId : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(bodyOf(form, !id));
  };
  return (
    <section className="card needs">
      <h1>{id ? t('form.editTitle') : t('form.newTitle')}</h1>
      <form className="stack" onSubmit={onSubmit}>
        <div className="grid-form">
          <SelectField
            id="need-programme"
            label={t('fields.programme')}
            value={form.programmeCode}
            empty="—"
            options={(programmes.data ?? []).map((p) => ({ value: p.code, label: `${p.content.from}–${p.content.to}` }))}
            onChange={(e) => setForm({ ...form, programmeCode: e.target.value, priorityCode: '' })}
          />
          <SelectField
            id="need-priority"
            label={t('fields.priority')}
            value={form.priorityCode}
            empty="—"
            options={(programme?.content.priorities ?? []).map((p) => ({ value: p.code, label: pick(lang, p.nameVi, p.nameEn) }))}
            onChange={(e) => setForm({ ...form, priorityCode: e.target.value, sectorCode: '' })}
          />
          <SelectField
            id="need-sector"
            label={t('fields.sector')}
            value={form.sectorCode}
            empty="—"
            required
            options={sectorOptions.map((s) => ({ value: s.code, label: name(s) }))}
            onChange={set('sectorCode')}
          />
          {central && !id && (
            <SelectField
              id="need-agency"
              label={t('fields.proposedBy')}
              value={form.proposingAgencyId}
              empty="—"
              options={(agencies.data ?? []).filter((a) => !a.id.startsWith('UBND:old63')).map((a) => ({ value: a.id, label: name(a) }))}
              onChange={set('proposingAgencyId')}
            />
          )}
        </div>
        <Field id="need-title-vi" label={t('fields.titleVi')} value={form.titleVi} onChange={set('titleVi')} required maxLength={500} />
        <Field id="need-title-en" label={t('fields.titleEn')} value={form.titleEn} onChange={set('titleEn')} maxLength={500} />
        {(['summaryVi', 'summaryEn'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`need-${k}`}>{t(`fields.${k}`)}</label>
            <textarea id={`need-${k}`} rows={4} value={form[k]} onChange={set(k)} maxLength={8000} />
          </div>
        ))}
        {ownProvince ? (
          <p>
            {t('fields.provinces')}: {name(provinces.data?.find((p) => p.id === ownProvince))}
          </p>
        ) : (
          <SelectField
            id="need-provinces"
            label={t('fields.provinces')}
            multiple
            required
            size={6}
            value={form.provinceIds!.split(',').filter(Boolean)}
            options={(provinces.data ?? []).map((p) => ({ value: p.id, label: name(p) }))}
            onChange={(e) => setForm({ ...form, provinceIds: [...e.target.selectedOptions].map((o) => o.value).join(',') })}
          />
        )}
        <div className="grid-form">
          <Field id="need-budget" label={t('fields.budget')} value={form.budget} onChange={set('budget')} inputMode="decimal" required />
          <SelectField
            id="need-currency"
            label={t('fields.currency')}
            value={form.currency}
            options={(currencies.data ?? []).map((c) => ({ value: c.code, label: c.code }))}
            onChange={set('currency')}
          />
          <Field
            id="need-duration"
            label={t('fields.durationMonths')}
            value={form.durationMonths}
            onChange={set('durationMonths')}
            type="number"
            min={1}
            max={120}
          />
          <Field
            id="need-counterpart"
            label={t('fields.counterpart')}
            value={form.counterpartAmount}
            onChange={set('counterpartAmount')}
            inputMode="decimal"
          />
          <Field
            id="need-counterpart-note"
            label={t('fields.counterpartNote')}
            value={form.counterpartNote}
            onChange={set('counterpartNote')}
          />
          <Field id="need-beneficiaries" label={t('fields.beneficiaries')} value={form.beneficiaries} onChange={set('beneficiaries')} />
          <Field
            id="need-beneficiaries-count"
            label={t('fields.beneficiariesCount')}
            value={form.beneficiariesCount}
            onChange={set('beneficiariesCount')}
            type="number"
            min={0}
          />
          <Field id="need-contact-office" label={t('fields.contactOffice')} value={form.contactOffice} onChange={set('contactOffice')} />
          <Field
            id="need-contact-email"
            label={t('fields.contactEmail')}
            value={form.contactEmail}
            onChange={set('contactEmail')}
            type="email"
          />
          <Field id="need-contact-phone" label={t('fields.contactPhone')} value={form.contactPhone} onChange={set('contactPhone')} />
        </div>
        <ErrorNotice error={save.error} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('form.save')}
        </button>
      </form>
    </section>
  );
}
