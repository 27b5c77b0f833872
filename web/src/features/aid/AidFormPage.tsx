import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/States';
import { OrganisationPicker, SharesEditor } from './AidFormParts';
import { type DATES, empty, formProblems, fromDetail, schemeOf, type TEXT, toBody, type State } from './aidFormModel';
import { MODALITIES, STATUSES, type AidDetail, type AidPartner } from './types';
import { useReference } from './useReference';
import './aid.css';
import { DateField } from '../../components/DateField';
import { useProvinceLabel } from '../../api/reference';

/** Create or edit an aid item, with the same rules the server applies checked before sending. */
export function AidFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('aid');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const ref = useReference();
  const provinceLabel = useProvinceLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useQuery({ queryKey: ['aid', id], queryFn: () => api.get<AidDetail>(`/api/aid/${id}`), enabled: Boolean(id) });
  const [form, setForm] = useState<State>(empty);
  const [problems, setProblems] = useState<Record<string, string>>({});
  useEffect(() => {
    if (existing.data) setForm(fromDetail(existing.data));
  }, [existing.data]);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id ? api.patch<AidDetail>(`/api/aid/${id}`, { ...body, version: existing.data?.version }) : api.post<AidDetail>('/api/aid', body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['aid'] });
      navigate(`/aid/${saved.id}`);
    },
  });
  if (id && existing.isLoading) return <Loading />;
  const officer = user?.role !== 'ngo';
  const set = <K extends keyof State>(key: K, value: State[K]) => setForm((f) => ({ ...f, [key]: value }));
  const scheme = schemeOf(form);
  const provinceOptions = ((scheme === 'old63' ? ref.oldProvinces.data : ref.provinces.data) ?? []).map((p) => ({
    value: p.id,
    label: provinceLabel(p),
  }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = formProblems(form, officer, t);
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate(toBody(form, officer));
  };

  const text = (key: (typeof TEXT)[number], required = false) => (
    <Field
      label={t(`fields.${key}`)}
      value={form[key]}
      required={required}
      error={problems[key]}
      onChange={(e) => set(key, e.target.value)}
    />
  );
  const date = (key: (typeof DATES)[number]) => (
    <DateField label={t(`fields.${key}`)} value={form[key]} error={problems[key]} onChange={(e) => set(key, e.target.value)} />
  );

  return (
    <form className="stack aid-form" onSubmit={onSubmit} noValidate>
      <section className="card">
        <p>
          <Link to={id ? `/aid/${id}` : '/aid'}>← {tc('actions.back')}</Link>
        </p>
        <h1>{id ? t('form.editTitle', { code: existing.data?.code ?? '' }) : t('form.newTitle')}</h1>
        <div className="grid-form">
          <div className="field">
            <label htmlFor="aid-modality">{t('fields.modality')}</label>
            <select id="aid-modality" value={form.modality} onChange={(e) => set('modality', e.target.value)}>
              {MODALITIES.map((m) => (
                <option key={m} value={m}>
                  {t(`modality.${m}`)}
                </option>
              ))}
            </select>
          </div>
          {officer && (
            <div className="field">
              <label htmlFor="aid-status">{t('fields.status')}</label>
              <select id="aid-status" value={form.status} onChange={(e) => set('status', e.target.value)}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {text('titleVi', true)}
          {text('titleEn')}
        </div>
        <div className="field">
          <label htmlFor="aid-description-vi">{t('fields.descriptionVi')}</label>
          <textarea id="aid-description-vi" value={form.descriptionVi} onChange={(e) => set('descriptionVi', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="aid-description-en">{t('fields.descriptionEn')}</label>
          <textarea id="aid-description-en" value={form.descriptionEn} onChange={(e) => set('descriptionEn', e.target.value)} />
        </div>
      </section>

      <section className="card">
        <h2>{t('form.donorSection')}</h2>
        {officer && (
          <div className="inline" role="radiogroup" aria-label={t('fields.donor')}>
            {(['ngo', 'other'] as const).map((kind) => (
              <label key={kind}>
                <input type="radio" name="donorKind" checked={form.donorKind === kind} onChange={() => set('donorKind', kind)} />{' '}
                {t(`form.donorKind.${kind}`)}
              </label>
            ))}
          </div>
        )}
        <div className="grid-form">
          {officer && form.donorKind === 'ngo' && (
            <OrganisationPicker
              value={form.organisationId}
              currentName={form.organisationName}
              label={t('fields.organisation')}
              onChange={(orgId, name) => setForm((f) => ({ ...f, organisationId: orgId, organisationName: name }))}
            />
          )}
          {form.donorKind === 'other' && text('otherDonorName')}
          <div className="field">
            <label htmlFor="aid-country">{t('fields.donorCountry')}</label>
            <select id="aid-country" value={form.donorCountryCode} onChange={(e) => set('donorCountryCode', e.target.value)}>
              <option value="">—</option>
              {(ref.countries.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {ref.name(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="aid-agency">{t('fields.governingAgency')}</label>
            <select id="aid-agency" value={form.governingAgencyId} onChange={(e) => set('governingAgencyId', e.target.value)}>
              <option value="">—</option>
              {(ref.agencies.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {ref.name(a)}
                </option>
              ))}
            </select>
          </div>
          {text('aidOwnerName')}
          <div className="field">
            <label htmlFor="aid-currency">{t('fields.defaultCurrency')}</label>
            <select id="aid-currency" value={form.defaultCurrency} onChange={(e) => set('defaultCurrency', e.target.value)}>
              {(ref.currencies.data ?? [{ code: 'USD', nameVi: 'USD', nameEn: 'USD' }]).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code}
                </option>
              ))}
            </select>
          </div>
          {text('iatiIdentifier')}
        </div>
        {problems.organisationId && <p className="notice error">{problems.organisationId}</p>}
        <h3>{t('detail.partners')}</h3>
        {form.partners.map((p, i) => (
          <div className="share-row" key={i}>
            <div className="field">
              <label htmlFor={`aid-partner-role-${i}`}>{t('form.partnerRole')}</label>
              <select
                id={`aid-partner-role-${i}`}
                value={p.role}
                onChange={(e) =>
                  set(
                    'partners',
                    form.partners.map((x, j) => (j === i ? { ...x, role: e.target.value as AidPartner['role'] } : x)),
                  )
                }
              >
                {(['IMPLEMENTING', 'ACCOUNTABLE', 'EXTENDING', 'FUNDING'] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`partnerRole.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label={t('form.partnerName')}
              value={p.name}
              onChange={(e) =>
                set(
                  'partners',
                  form.partners.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                )
              }
            />
            <button
              type="button"
              aria-label={t('form.removeRow', { n: i + 1 })}
              onClick={() =>
                set(
                  'partners',
                  form.partners.filter((_, j) => j !== i),
                )
              }
            >
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('partners', [...form.partners, { role: 'IMPLEMENTING', name: '' }])}>
          {t('form.addPartner')}
        </button>
      </section>

      <section className="card">
        <h2>{t('form.datesSection')}</h2>
        <div className="grid-form">
          {officer && text('approvalDecisionNumber')}
          {officer && date('approvalDate')}
          {date('plannedStart')}
          {date('plannedEnd')}
          {date('actualStart')}
          {date('actualEnd')}
          <div className="field">
            <label>
              <input type="checkbox" checked={form.budgetRevenue} onChange={(e) => set('budgetRevenue', e.target.checked)} />{' '}
              {t('fields.budgetRevenue')}
            </label>
          </div>
        </div>
      </section>

      <section className="card">
        <h2>{t('form.whereSection')}</h2>
        <p className="hint">{t(scheme === 'old63' ? 'form.schemeOld' : 'form.schemeNew')}</p>
        <SharesEditor
          legend={t('fields.province')}
          idPrefix="aid-location"
          rows={form.locations}
          options={provinceOptions}
          onChange={(rows) => set('locations', rows)}
          addLabel={t('form.addLocation')}
        />
        {problems.locations && <p className="notice error">{problems.locations}</p>}
        <SharesEditor
          legend={t('fields.sector')}
          idPrefix="aid-sector"
          rows={form.sectors}
          options={(ref.sectors.data ?? []).map((s) => ({ value: s.code, label: `${ref.name(s)} (DAC ${s.dacCode})` }))}
          onChange={(rows) => set('sectors', rows)}
          addLabel={t('form.addSector')}
        />
        {problems.sectors && <p className="notice error">{problems.sectors}</p>}
      </section>

      <section className="card">
        {Object.keys(problems).length > 0 && (
          <p className="notice error" role="alert">
            {t('form.fixProblems')}
          </p>
        )}
        <ErrorNotice error={save.error} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {tc('actions.save')}
        </button>
      </section>
    </form>
  );
}
