import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice, Loading } from '../../components/States';
import { MEETING_KINDS, type MeetingDetail, type MeetingKind, type OrganisationRef } from './coordination-types';
import { useAgencyOptions } from './MeetingTasks';
import { OrganisationPicker } from './OrganisationPicker';
import './coordination.css';

type TaskDraft = { description: string; ownerAgencyId: string; dueDate: string };
type Form = {
  kind: MeetingKind;
  titleVi: string;
  titleEn: string;
  meetingDate: string;
  place: string;
  agencyIds: string[];
  organisations: OrganisationRef[];
  guests: string;
  conclusions: string;
  isPublic: boolean;
  tasks: TaskDraft[];
};

const empty: Form = {
  kind: 'GIAO_BAN',
  titleVi: '',
  titleEn: '',
  meetingDate: '',
  place: '',
  agencyIds: [],
  organisations: [],
  guests: '',
  conclusions: '',
  isPublic: false,
  tasks: [],
};

const fromDetail = (m: MeetingDetail): Form => ({
  kind: m.kind,
  titleVi: m.titleVi,
  titleEn: m.titleEn ?? '',
  meetingDate: m.meetingDate,
  place: m.place ?? '',
  agencyIds: m.agencies.map((a) => a.id),
  organisations: m.organisations,
  guests: m.guests.join('\n'),
  conclusions: m.conclusions ?? '',
  isPublic: m.isPublic,
  tasks: [],
});

/** Central records a meeting (with its first follow-up tasks) or edits one: participants, conclusions, public or not. */
export function MeetingFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('coordination');
  const navigate = useNavigate();
  const agencyOptions = useAgencyOptions();
  const [form, setForm] = useState<Form>(empty);
  const existing = useQuery({
    queryKey: ['meeting', id],
    queryFn: () => api.get<MeetingDetail>(`/api/programme/meetings/${id}`),
    enabled: Boolean(id),
  });
  useEffect(() => {
    if (existing.data) setForm(fromDetail(existing.data));
  }, [existing.data]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        kind: form.kind,
        titleVi: form.titleVi,
        titleEn: form.titleEn || null,
        meetingDate: form.meetingDate,
        place: form.place || null,
        agencyIds: form.agencyIds,
        organisationIds: form.organisations.map((o) => o.id),
        guests: form.guests
          .split('\n')
          .map((g) => g.trim())
          .filter(Boolean),
        conclusions: form.conclusions || null,
        isPublic: form.isPublic,
      };
      return id
        ? api.put<MeetingDetail>(`/api/programme/meetings/${id}`, { ...body, version: existing.data?.version })
        : api.post<MeetingDetail>('/api/programme/meetings', { ...body, tasks: form.tasks });
    },
    onSuccess: (detail) => navigate(`/programme/meetings/${detail.id}`),
  });
  if (id && existing.isLoading) return <Loading />;
  const setTask = (i: number, patch: Partial<TaskDraft>) =>
    set(
      'tasks',
      form.tasks.map((task, j) => (j === i ? { ...task, ...patch } : task)),
    );
  return (
    <section className="card coordination">
      <p>
        <Link to={id ? `/programme/meetings/${id}` : '/programme/meetings'}>← {t('back')}</Link>
      </p>
      <h1>{id ? t('meetings.edit') : t('meetings.new')}</h1>
      <ErrorNotice error={existing.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <SelectField
          label={t('fields.kind')}
          value={form.kind}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          onChange={(e) => set('kind', e.target.value as MeetingKind)}
        />
        <Field label={t('fields.titleVi')} required maxLength={500} value={form.titleVi} onChange={(e) => set('titleVi', e.target.value)} />
        <Field label={t('fields.titleEn')} maxLength={500} value={form.titleEn} onChange={(e) => set('titleEn', e.target.value)} />
        <DateField label={t('fields.date')} required value={form.meetingDate} onChange={(e) => set('meetingDate', e.target.value)} />
        <Field label={t('fields.place')} maxLength={300} value={form.place} onChange={(e) => set('place', e.target.value)} />
        <SelectField
          label={t('fields.agencies')}
          multiple
          size={8}
          value={form.agencyIds}
          options={agencyOptions}
          onChange={(e) =>
            set(
              'agencyIds',
              [...e.target.selectedOptions].map((o) => o.value),
            )
          }
        />
        <small>{t('fields.agenciesHint')}</small>
        <OrganisationPicker label={t('fields.organisations')} chosen={form.organisations} onChange={(o) => set('organisations', o)} />
        <div className="field">
          <label htmlFor="meeting-guests">{t('fields.guests')}</label>
          <textarea
            id="meeting-guests"
            rows={3}
            value={form.guests}
            onChange={(e) => set('guests', e.target.value)}
            aria-describedby="meeting-guests-hint"
          />
          <small id="meeting-guests-hint">{t('fields.guestsHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="meeting-conclusions">{t('fields.conclusions')}</label>
          <textarea
            id="meeting-conclusions"
            rows={6}
            maxLength={20000}
            value={form.conclusions}
            onChange={(e) => set('conclusions', e.target.value)}
          />
        </div>
        <label>
          <input type="checkbox" checked={form.isPublic} onChange={(e) => set('isPublic', e.target.checked)} /> {t('fields.isPublic')}
        </label>
        {!id && (
          <fieldset>
            <legend>{t('tasks.title')}</legend>
            {form.tasks.map((task, i) => (
              <div className="task-row" key={i}>
                <Field
                  label={t('tasks.description')}
                  required
                  value={task.description}
                  onChange={(e) => setTask(i, { description: e.target.value })}
                />
                <SelectField
                  label={t('tasks.owner')}
                  required
                  empty=""
                  value={task.ownerAgencyId}
                  options={agencyOptions}
                  onChange={(e) => setTask(i, { ownerAgencyId: e.target.value })}
                />
                <DateField label={t('tasks.due')} required value={task.dueDate} onChange={(e) => setTask(i, { dueDate: e.target.value })} />
                <button
                  type="button"
                  onClick={() =>
                    set(
                      'tasks',
                      form.tasks.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('fields.remove')}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => set('tasks', [...form.tasks, { description: '', ownerAgencyId: '', dueDate: '' }])}>
              {t('tasks.add')}
            </button>
          </fieldset>
        )}
        <ErrorNotice error={save.error} />
        <p>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('save')}
          </button>
        </p>
      </form>
    </section>
  );
}
