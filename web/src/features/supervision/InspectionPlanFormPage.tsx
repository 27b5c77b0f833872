import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { hasNationalScope } from '@common/auth/national-scope';
import { vietnamToday } from '@common/time/vietnam-today';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice, Loading } from '../../components/States';
import { INSPECTION_KINDS, planPath, type InspectionKind, type OrganisationRef, type PlanDetail } from './inspections-api';
import { MultiChooser, OrganisationChooser, useAgencyOptions, useProvinceOptions } from './InspectionPickers';

type EntryDraft = {
  organisation: OrganisationRef | null;
  kind: InspectionKind;
  provinceIds: string[];
  leadAgencyId: string;
  agencyIds: string[];
  plannedFrom: string;
  plannedTo: string;
  note: string;
};

/**
 * Makes or edits a yearly inspection plan: its year, title and planned visits (NGO, kind, provinces, lead and
 * participating agencies, period). A province officer plans the visits its People's Committee leads in its own
 * province; central chooses each lead.
 */
export function InspectionPlanFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('supervision');
  const { user } = useSession();
  const central = hasNationalScope(user);
  const navigate = useNavigate();
  const agencyOptions = useAgencyOptions();
  const provinceOptions = useProvinceOptions();
  const [year, setYear] = useState(Number(vietnamToday().slice(0, 4)));
  const [title, setTitle] = useState('');
  const [entries, setEntries] = useState<EntryDraft[]>([]);
  const existing = useQuery({ queryKey: ['inspection-plan', id], queryFn: () => api.get<PlanDetail>(planPath(id!)), enabled: Boolean(id) });
  useEffect(() => {
    const p = existing.data;
    if (!p) return;
    setYear(p.year);
    setTitle(p.title);
    setEntries(
      p.entryList.map((e) => ({
        organisation: e.organisation,
        kind: e.kind,
        provinceIds: e.provinceIds,
        leadAgencyId: e.leadAgency.id,
        agencyIds: e.agencies.map((a) => a.id),
        plannedFrom: e.plannedFrom,
        plannedTo: e.plannedTo,
        note: e.note ?? '',
      })),
    );
  }, [existing.data]);
  const blank = (): EntryDraft => ({
    organisation: null,
    kind: 'FIELD_VISIT',
    provinceIds: user?.provinceId ? [user.provinceId] : [],
    leadAgencyId: '',
    agencyIds: [],
    plannedFrom: '',
    plannedTo: '',
    note: '',
  });
  const setEntry = (i: number, patch: Partial<EntryDraft>) => setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        year,
        title,
        entries: entries.map((e) => ({
          organisationId: e.organisation?.id,
          kind: e.kind,
          provinceIds: e.provinceIds,
          leadAgencyId: central ? e.leadAgencyId || undefined : undefined,
          agencyIds: e.agencyIds,
          plannedFrom: e.plannedFrom,
          plannedTo: e.plannedTo,
          note: e.note || null,
        })),
      };
      return id
        ? api.put<PlanDetail>(planPath(id), { ...body, version: existing.data?.version })
        : api.post<PlanDetail>('/api/supervision/inspection-plans', body);
    },
    onSuccess: (p) => navigate(`/supervision/plans/${p.id}`),
  });
  if (id && existing.isLoading) return <Loading />;
  return (
    <section className="card">
      <p>
        <Link to={id ? `/supervision/plans/${id}` : '/supervision/plans'}>← {t('plans.title')}</Link>
      </p>
      <h1>{id ? t('plans.edit') : t('plans.new')}</h1>
      <ErrorNotice error={existing.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field
          label={t('plans.year')}
          type="number"
          min={2000}
          max={2100}
          required
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        <Field label={t('plans.planTitle')} required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        {entries.map((e, i) => (
          <fieldset key={i} data-testid="plan-entry-form">
            <legend>{t('plans.entryN', { n: i + 1 })}</legend>
            <OrganisationChooser value={e.organisation} onChange={(o) => setEntry(i, { organisation: o })} />
            <SelectField
              label={t('inspections.fields.kind')}
              value={e.kind}
              options={INSPECTION_KINDS.map((k) => ({ value: k, label: t(`inspections.kinds.${k}`) }))}
              onChange={(ev) => setEntry(i, { kind: ev.target.value as InspectionKind })}
            />
            <MultiChooser
              label={t('inspections.fields.provinces')}
              required
              value={e.provinceIds}
              options={provinceOptions}
              onChange={(v) => setEntry(i, { provinceIds: v })}
            />
            {central && (
              <SelectField
                label={t('inspections.fields.lead')}
                required
                empty=""
                value={e.leadAgencyId}
                options={agencyOptions}
                onChange={(ev) => setEntry(i, { leadAgencyId: ev.target.value })}
              />
            )}
            <MultiChooser
              label={t('inspections.fields.agencies')}
              value={e.agencyIds}
              options={agencyOptions}
              onChange={(v) => setEntry(i, { agencyIds: v })}
            />
            <DateField
              label={t('plans.from')}
              required
              value={e.plannedFrom}
              onChange={(ev) => setEntry(i, { plannedFrom: ev.target.value })}
            />
            <DateField label={t('plans.to')} required value={e.plannedTo} onChange={(ev) => setEntry(i, { plannedTo: ev.target.value })} />
            <Field label={t('plans.note')} maxLength={2000} value={e.note} onChange={(ev) => setEntry(i, { note: ev.target.value })} />
            <button type="button" onClick={() => setEntries((list) => list.filter((_, j) => j !== i))}>
              {t('plans.removeEntry')}
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" onClick={() => setEntries((list) => [...list, blank()])}>
            {t('plans.addEntry')}
          </button>
        </p>
        <ErrorNotice error={save.error} />
        <p>
          <button type="submit" className="primary" disabled={save.isPending || entries.some((e) => !e.organisation)}>
            {t('inspections.save')}
          </button>
        </p>
      </form>
    </section>
  );
}
