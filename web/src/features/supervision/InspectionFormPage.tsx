import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { hasNationalScope } from '@common/auth/national-scope';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice, Loading } from '../../components/States';
import {
  INSPECTION_KINDS,
  inspectionPath,
  planPath,
  type InspectionDetail,
  type InspectionKind,
  type OrganisationRef,
  type PlanDetail,
} from './inspections-api';
import { MultiChooser, OrganisationChooser, useAgencyOptions, useProvinceOptions } from './InspectionPickers';

type Form = {
  organisation: OrganisationRef | null;
  kind: InspectionKind;
  leadAgencyId: string;
  agencyIds: string[];
  provinceIds: string[];
  team: string;
  startsOn: string;
  endsOn: string;
  scope: string;
};

const fromDetail = (d: InspectionDetail): Form => ({
  organisation: d.organisation,
  kind: d.kind,
  leadAgencyId: d.leadAgency.id,
  agencyIds: d.agencies.map((a) => a.id),
  provinceIds: d.provinceIds,
  team: d.team.join('\n'),
  startsOn: d.startsOn,
  endsOn: d.endsOn ?? '',
  scope: d.scope ?? '',
});

/**
 * Records an inspection or field visit, or edits an open one: NGO, kind, lead and participating agencies,
 * provinces, team, dates and scope. A province officer leads its own visits to NGOs of its province (the lead is
 * its People's Committee, the province its own); central chooses the lead. Opened from a plan entry
 * (`?plan=…&entry=…`), the entry's NGO, kind, provinces and agencies are filled in.
 */
export function InspectionFormPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const planId = search.get('plan');
  const entryId = search.get('entry');
  const { t } = useTranslation('supervision');
  const { user } = useSession();
  const central = hasNationalScope(user);
  const navigate = useNavigate();
  const agencyOptions = useAgencyOptions();
  const provinceOptions = useProvinceOptions();
  const [form, setForm] = useState<Form>({
    organisation: null,
    kind: 'FIELD_VISIT',
    leadAgencyId: '',
    agencyIds: [],
    provinceIds: user?.provinceId ? [user.provinceId] : [],
    team: '',
    startsOn: '',
    endsOn: '',
    scope: '',
  });
  const existing = useQuery({
    queryKey: ['inspection', id],
    queryFn: () => api.get<InspectionDetail>(inspectionPath(id!)),
    enabled: Boolean(id),
  });
  const plan = useQuery({
    queryKey: ['inspection-plan', planId],
    queryFn: () => api.get<PlanDetail>(planPath(planId!)),
    enabled: Boolean(planId),
  });
  useEffect(() => {
    if (existing.data) setForm(fromDetail(existing.data));
  }, [existing.data]);
  useEffect(() => {
    const entry = plan.data?.entryList.find((e) => e.id === entryId);
    if (entry)
      setForm((f) => ({
        ...f,
        organisation: entry.organisation,
        kind: entry.kind,
        leadAgencyId: entry.leadAgency.id,
        agencyIds: entry.agencies.map((a) => a.id),
        provinceIds: entry.provinceIds,
        startsOn: entry.plannedFrom,
        endsOn: entry.plannedTo,
      }));
  }, [plan.data, entryId]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        organisationId: form.organisation?.id,
        kind: form.kind,
        leadAgencyId: central ? form.leadAgencyId || undefined : undefined,
        agencyIds: form.agencyIds,
        provinceIds: form.provinceIds,
        team: form.team
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
        startsOn: form.startsOn,
        endsOn: form.endsOn || null,
        scope: form.scope || null,
      };
      return id
        ? api.put<InspectionDetail>(inspectionPath(id), { ...body, version: existing.data?.version })
        : api.post<InspectionDetail>('/api/supervision/inspections', { ...body, planEntryId: entryId ?? undefined });
    },
    onSuccess: (detail) => navigate(`/supervision/inspections/${detail.id}`),
  });
  if (id && existing.isLoading) return <Loading />;
  return (
    <section className="card">
      <p>
        <Link to={id ? `/supervision/inspections/${id}` : '/supervision/inspections'}>← {t('inspections.back')}</Link>
      </p>
      <h1>{id ? t('inspections.edit') : t('inspections.new')}</h1>
      <ErrorNotice error={existing.error ?? plan.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <OrganisationChooser value={form.organisation} onChange={(o) => set('organisation', o)} />
        <SelectField
          label={t('inspections.fields.kind')}
          value={form.kind}
          options={INSPECTION_KINDS.map((k) => ({ value: k, label: t(`inspections.kinds.${k}`) }))}
          onChange={(e) => set('kind', e.target.value as InspectionKind)}
        />
        {central && (
          <SelectField
            label={t('inspections.fields.lead')}
            required
            empty=""
            value={form.leadAgencyId}
            options={agencyOptions}
            onChange={(e) => set('leadAgencyId', e.target.value)}
          />
        )}
        <MultiChooser
          label={t('inspections.fields.agencies')}
          value={form.agencyIds}
          options={agencyOptions}
          onChange={(v) => set('agencyIds', v)}
        />
        <MultiChooser
          label={t('inspections.fields.provinces')}
          required
          value={form.provinceIds}
          options={provinceOptions}
          onChange={(v) => set('provinceIds', v)}
        />
        <div className="field">
          <label htmlFor="inspection-team">{t('inspections.fields.team')}</label>
          <textarea
            id="inspection-team"
            rows={3}
            value={form.team}
            aria-describedby="inspection-team-hint"
            onChange={(e) => set('team', e.target.value)}
          />
          <small id="inspection-team-hint">{t('inspections.fields.teamHint')}</small>
        </div>
        <DateField
          label={t('inspections.fields.startsOn')}
          required
          value={form.startsOn}
          onChange={(e) => set('startsOn', e.target.value)}
        />
        <DateField label={t('inspections.fields.endsOn')} value={form.endsOn} onChange={(e) => set('endsOn', e.target.value)} />
        <div className="field">
          <label htmlFor="inspection-scope">{t('inspections.fields.scope')}</label>
          <textarea id="inspection-scope" rows={3} maxLength={5000} value={form.scope} onChange={(e) => set('scope', e.target.value)} />
        </div>
        <ErrorNotice error={save.error} />
        <p>
          <button type="submit" className="primary" disabled={save.isPending || !form.organisation}>
            {t('inspections.save')}
          </button>
        </p>
      </form>
    </section>
  );
}
