import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatMoment } from '@common/format/date';
import { api, downloadUrl } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice } from '../../components/States';
import { inspectionPath, named, type InspectionDetail, type InspectionDocument } from './inspections-api';
import { useAgencyOptions } from './InspectionPickers';

/** Keeps the page's copy of the inspection after a write. */
function useOnSaved(id: string) {
  const queryClient = useQueryClient();
  return (detail: InspectionDetail) => {
    queryClient.setQueryData(['inspection', id], detail);
    void queryClient.invalidateQueries({ queryKey: ['inspections'] });
  };
}

/** The findings with their recommendations; the lead agency adds one while the inspection is open. */
export function InspectionFindings({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation('supervision');
  const onSaved = useOnSaved(inspection.id);
  const [draft, setDraft] = useState({ description: '', recommendation: '' });
  const add = useMutation({
    mutationFn: () =>
      api.post<InspectionDetail>(`${inspectionPath(inspection.id)}/findings`, {
        description: draft.description,
        recommendation: draft.recommendation || null,
      }),
    onSuccess: (d) => {
      onSaved(d);
      setDraft({ description: '', recommendation: '' });
    },
  });
  return (
    <section className="card">
      <h2>{t('inspections.findings.title')}</h2>
      {inspection.findingList.length === 0 ? (
        <p className="muted">{t('inspections.findings.empty')}</p>
      ) : (
        <ol>
          {inspection.findingList.map((f) => (
            <li key={f.id} data-testid="inspection-finding">
              <p>{f.description}</p>
              {f.recommendation && <p className="muted">{t('inspections.findings.recommendationIs', { text: f.recommendation })}</p>}
            </li>
          ))}
        </ol>
      )}
      {inspection.sanctionUrl && inspection.findingList.length > 0 && (
        <p>
          <Link className="button" to={inspection.sanctionUrl}>
            {t('inspections.startSanction')}
          </Link>
        </p>
      )}
      {inspection.canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <div className="field">
            <label htmlFor="finding-description">{t('inspections.findings.description')}</label>
            <textarea
              id="finding-description"
              rows={3}
              required
              maxLength={5000}
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            />
          </div>
          <Field
            label={t('inspections.findings.recommendation')}
            maxLength={5000}
            value={draft.recommendation}
            onChange={(e) => setDraft({ ...draft, recommendation: e.target.value })}
          />
          <button type="submit" className="primary" disabled={add.isPending}>
            {t('inspections.findings.add')}
          </button>
          <ErrorNotice error={add.error} />
        </form>
      )}
    </section>
  );
}

/** Follow-up actions: owner, due date, done or open (overdue marked); the lead adds them, the owner marks them done. */
export function InspectionActions({ inspection }: { inspection: InspectionDetail }) {
  const { t, i18n } = useTranslation('supervision');
  const onSaved = useOnSaved(inspection.id);
  const agencyOptions = useAgencyOptions();
  const [draft, setDraft] = useState({ description: '', ownerAgencyId: '', dueDate: '', findingId: '' });
  const status = useMutation({
    mutationFn: (v: { id: string; version: number; status: 'OPEN' | 'DONE' }) =>
      api.post<InspectionDetail>(`${inspectionPath(inspection.id)}/actions/${v.id}/status`, { version: v.version, status: v.status }),
    onSuccess: onSaved,
  });
  const add = useMutation({
    mutationFn: () =>
      api.post<InspectionDetail>(`${inspectionPath(inspection.id)}/actions`, { ...draft, findingId: draft.findingId || null }),
    onSuccess: (d) => {
      onSaved(d);
      setDraft({ description: '', ownerAgencyId: '', dueDate: '', findingId: '' });
    },
  });
  return (
    <section className="card">
      <h2>{t('inspections.actions.title')}</h2>
      <ErrorNotice error={status.error} />
      {inspection.actions.length === 0 ? (
        <p className="muted">{t('inspections.actions.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('inspections.actions.description')}</th>
                <th>{t('inspections.actions.owner')}</th>
                <th>{t('inspections.actions.due')}</th>
                <th>{t('inspections.actions.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {inspection.actions.map((a) => (
                <tr key={a.id} data-testid="inspection-action">
                  <td>{a.description}</td>
                  <td>{named(i18n.language, a.ownerAgency)}</td>
                  <td className={a.overdue ? 'late' : undefined}>
                    {formatDate(a.dueDate)} {a.overdue && <span className="badge late">{t('inspections.actions.overdue')}</span>}
                  </td>
                  <td>
                    {t(`inspections.actions.statuses.${a.status}`)}
                    {a.doneOn && ` (${formatDate(a.doneOn)})`}
                  </td>
                  <td>
                    {a.canChangeStatus && (
                      <button
                        type="button"
                        disabled={status.isPending}
                        onClick={() => status.mutate({ id: a.id, version: a.version, status: a.status === 'OPEN' ? 'DONE' : 'OPEN' })}
                      >
                        {a.status === 'OPEN' ? t('inspections.actions.markDone') : t('inspections.actions.reopen')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {inspection.canEdit && (
        <form
          className="task-row"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Field
            label={t('inspections.actions.description')}
            required
            maxLength={2000}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
          <SelectField
            label={t('inspections.actions.owner')}
            required
            empty=""
            value={draft.ownerAgencyId}
            options={agencyOptions}
            onChange={(e) => setDraft({ ...draft, ownerAgencyId: e.target.value })}
          />
          <DateField
            label={t('inspections.actions.due')}
            required
            value={draft.dueDate}
            onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })}
          />
          <SelectField
            label={t('inspections.actions.finding')}
            empty={t('inspections.actions.noFinding')}
            value={draft.findingId}
            options={inspection.findingList.map((f, i) => ({ value: f.id, label: `${i + 1}. ${f.description.slice(0, 60)}` }))}
            onChange={(e) => setDraft({ ...draft, findingId: e.target.value })}
          />
          <button type="submit" className="primary" disabled={add.isPending}>
            {t('inspections.actions.add')}
          </button>
          <ErrorNotice error={add.error} />
        </form>
      )}
    </section>
  );
}

/** Documents: download links for whoever reads the inspection, the upload for its lead while it is open. */
export function InspectionDocuments({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation('supervision');
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<InspectionDocument>(`${inspectionPath(inspection.id)}/documents`, form);
    },
    onSuccess: () => {
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['inspection', inspection.id] });
    },
  });
  return (
    <section className="card">
      <h2>{t('inspections.documents.title')}</h2>
      {inspection.documents.length === 0 ? (
        <p className="muted">{t('inspections.documents.empty')}</p>
      ) : (
        <ul>
          {inspection.documents.map((d) => (
            <li key={d.id}>
              <a href={downloadUrl(`${inspectionPath(inspection.id)}/documents/${d.id}`)}>{d.fileName}</a>{' '}
              <span className="muted">{formatMoment(d.uploadedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {inspection.canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const file = input.current?.files?.[0];
            if (file) upload.mutate(file);
          }}
        >
          <div className="field">
            <label htmlFor="inspection-document">{t('inspections.documents.file')}</label>
            <input id="inspection-document" ref={input} type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" required />
          </div>
          <button type="submit" disabled={upload.isPending}>
            {t('inspections.documents.upload')}
          </button>
          <ErrorNotice error={upload.error} />
        </form>
      )}
    </section>
  );
}

/** The closure: date and summary once closed; for the lead, the form to close (every action done first). */
export function InspectionClosure({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation('supervision');
  const onSaved = useOnSaved(inspection.id);
  const [draft, setDraft] = useState({ closedOn: '', summary: '' });
  const close = useMutation({
    mutationFn: () =>
      api.post<InspectionDetail>(`${inspectionPath(inspection.id)}/close`, {
        version: inspection.version,
        closedOn: draft.closedOn || undefined,
        summary: draft.summary,
      }),
    onSuccess: onSaved,
  });
  if (inspection.closedOn)
    return (
      <section className="card">
        <h2>{t('inspections.closure.title')}</h2>
        <p role="status">{t('inspections.closedOn', { date: formatDate(inspection.closedOn) })}</p>
        <p className="conclusions">{inspection.closureSummary}</p>
        <p className="muted">{t('inspections.closure.readOnly')}</p>
      </section>
    );
  if (!inspection.canEdit) return null;
  return (
    <section className="card">
      <h2>{t('inspections.closure.title')}</h2>
      <p className="hint">{t('inspections.closure.hint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          close.mutate();
        }}
      >
        <DateField
          label={t('inspections.closure.date')}
          value={draft.closedOn}
          onChange={(e) => setDraft({ ...draft, closedOn: e.target.value })}
        />
        <div className="field">
          <label htmlFor="closure-summary">{t('inspections.closure.summary')}</label>
          <textarea
            id="closure-summary"
            rows={4}
            required
            maxLength={10000}
            value={draft.summary}
            onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
          />
        </div>
        <button type="submit" className="primary" disabled={close.isPending}>
          {t('inspections.closure.close')}
        </button>
        <ErrorNotice error={close.error} />
      </form>
    </section>
  );
}
