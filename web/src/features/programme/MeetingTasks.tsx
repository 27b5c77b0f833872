import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@common/format/date';
import { api } from '../../api/client';
import { useReferenceList } from '../../api/reference';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice } from '../../components/States';
import { named, type MeetingDetail } from './coordination-types';

/** The agencies a task can be given to: today's agencies (the reference list, current ones only). */
export function useAgencyOptions() {
  const { i18n } = useTranslation();
  const agencies = useReferenceList('agencies');
  return (agencies.data ?? []).filter((a) => !a.validUntil).map((a) => ({ value: a.id, label: named(i18n.language, a) }));
}

/**
 * A meeting's follow-up tasks: each with its owner, due date and status (overdue ones marked); the owning agency
 * (or central) marks a task done or reopens it; central adds tasks.
 */
export function MeetingTasks({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation('coordination');
  const queryClient = useQueryClient();
  const agencyOptions = useAgencyOptions();
  const [draft, setDraft] = useState({ description: '', ownerAgencyId: '', dueDate: '' });
  const onSaved = (detail: MeetingDetail) => {
    queryClient.setQueryData(['meeting', meeting.id], detail);
    void queryClient.invalidateQueries({ queryKey: ['meetings'] });
  };
  const status = useMutation({
    mutationFn: (v: { taskId: string; version: number; status: 'OPEN' | 'DONE' }) =>
      api.post<MeetingDetail>(`/api/programme/meetings/${meeting.id}/tasks/${v.taskId}/status`, { version: v.version, status: v.status }),
    onSuccess: onSaved,
  });
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);
  const reset = () => {
    setDraft({ description: '', ownerAgencyId: '', dueDate: '' });
    setEditing(null);
  };
  const add = useMutation({
    mutationFn: () =>
      editing
        ? api.put<MeetingDetail>(`/api/programme/meetings/${meeting.id}/tasks/${editing.id}`, { ...draft, version: editing.version })
        : api.post<MeetingDetail>(`/api/programme/meetings/${meeting.id}/tasks`, draft),
    onSuccess: (detail) => {
      onSaved(detail);
      reset();
    },
  });
  return (
    <section className="card coordination">
      <h2>{t('tasks.title')}</h2>
      <ErrorNotice error={status.error} />
      {meeting.tasks.length === 0 ? (
        <p className="muted">{t('tasks.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('tasks.description')}</th>
                <th>{t('tasks.owner')}</th>
                <th>{t('tasks.due')}</th>
                <th>{t('tasks.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {meeting.tasks.map((task) => (
                <tr key={task.id} data-testid="meeting-task">
                  <td>{task.description}</td>
                  <td>{named(i18n.language, task.ownerAgency)}</td>
                  <td className={task.late ? 'late' : undefined}>
                    {formatDate(task.dueDate)} {task.late && <span className="badge late">{t('tasks.late')}</span>}
                  </td>
                  <td>
                    {t(`taskStatus.${task.status}`)}
                    {task.doneOn && ` (${formatDate(task.doneOn)})`}
                  </td>
                  <td>
                    {task.canChangeStatus && (
                      <button
                        type="button"
                        disabled={status.isPending}
                        onClick={() =>
                          status.mutate({ taskId: task.id, version: task.version, status: task.status === 'OPEN' ? 'DONE' : 'OPEN' })
                        }
                      >
                        {task.status === 'OPEN' ? t('tasks.markDone') : t('tasks.reopen')}
                      </button>
                    )}{' '}
                    {meeting.canEdit && (
                      <button
                        type="button"
                        onClick={() => {
                          setDraft({ description: task.description, ownerAgencyId: task.ownerAgency.id, dueDate: task.dueDate });
                          setEditing({ id: task.id, version: task.version });
                        }}
                      >
                        {t('tasks.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {meeting.canEdit && (
        <form
          className="task-row"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Field
            label={t('tasks.description')}
            required
            maxLength={2000}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
          <SelectField
            label={t('tasks.owner')}
            required
            empty=""
            value={draft.ownerAgencyId}
            options={agencyOptions}
            onChange={(e) => setDraft({ ...draft, ownerAgencyId: e.target.value })}
          />
          <DateField
            label={t('tasks.due')}
            required
            value={draft.dueDate}
            onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })}
          />
          <button type="submit" className="primary" disabled={add.isPending}>
            {editing ? t('save') : t('tasks.add')}
          </button>
          {editing && (
            <button type="button" onClick={reset}>
              {t('cancel')}
            </button>
          )}
          <ErrorNotice error={add.error} />
        </form>
      )}
    </section>
  );
}
