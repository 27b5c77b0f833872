import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate, formatMoment } from '@common/format/date';
import { api, downloadUrl } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { named, titled, type MeetingDetail, type MeetingDocument } from './coordination-types';
import { MeetingTasks } from './MeetingTasks';
import './coordination.css';

/** A meeting's documents: download links for whoever may read the meeting, the upload for central. */
function MeetingDocuments({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('coordination');
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<MeetingDocument>(`/api/programme/meetings/${meeting.id}/documents`, form);
    },
    onSuccess: () => {
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['meeting', meeting.id] });
    },
  });
  return (
    <section className="card coordination">
      <h2>{t('fields.documents')}</h2>
      {meeting.documents.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <ul>
          {meeting.documents.map((d) => (
            <li key={d.id}>
              <a href={downloadUrl(`/api/programme/meetings/${meeting.id}/documents/${d.id}`)}>{d.fileName}</a>{' '}
              <span className="muted">{formatMoment(d.uploadedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {meeting.canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const file = input.current?.files?.[0];
            if (file) upload.mutate(file);
          }}
        >
          <div className="field">
            <label htmlFor="meeting-document">{t('documents.file')}</label>
            <input id="meeting-document" ref={input} type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" required />
          </div>
          <button type="submit" disabled={upload.isPending}>
            {t('documents.upload')}
          </button>
          {upload.isSuccess && <p role="status">{t('documents.uploaded')}</p>}
          <ErrorNotice error={upload.error} />
        </form>
      )}
    </section>
  );
}

/** One meeting: what it was, who took part, its conclusions, documents and follow-up tasks. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('coordination');
  const meeting = useQuery({
    queryKey: ['meeting', id],
    queryFn: () => api.get<MeetingDetail>(`/api/programme/meetings/${id}`),
    retry: false,
  });
  if (meeting.isLoading) return <Loading />;
  if (meeting.error || !meeting.data)
    return (
      <section className="card">
        <ErrorNotice error={meeting.error} />
        <Link to="/programme/meetings">← {t('back')}</Link>
      </section>
    );
  const m = meeting.data;
  return (
    <div className="stack">
      <section className="card coordination">
        <p>
          <Link to="/programme/meetings">← {t('back')}</Link>
        </p>
        <h1>{titled(i18n.language, m)}</h1>
        {m.synthetic && <p className="notice warning">{t('synthetic')}</p>}
        <dl className="need-facts">
          <dt>{t('fields.kind')}</dt>
          <dd>{t(`kinds.${m.kind}`)}</dd>
          <dt>{t('fields.date')}</dt>
          <dd>{formatDate(m.meetingDate)}</dd>
          {m.place && (
            <>
              <dt>{t('fields.place')}</dt>
              <dd>{m.place}</dd>
            </>
          )}
          {m.isPublic && (
            <>
              <dt>{t('meetings.public')}</dt>
              <dd>{t('yes')}</dd>
            </>
          )}
        </dl>
        {m.canEdit && (
          <Link className="button" to={`/programme/meetings/${m.id}/edit`}>
            {t('meetings.edit')}
          </Link>
        )}
        <h2>{t('fields.participants')}</h2>
        <dl className="need-facts">
          <dt>{t('fields.agencies')}</dt>
          <dd>{m.agencies.map((a) => named(i18n.language, a)).join('; ') || t('none')}</dd>
          <dt>{t('fields.organisations')}</dt>
          <dd>{m.organisations.map((o) => o.name).join('; ') || t('none')}</dd>
          <dt>{t('fields.guests')}</dt>
          <dd>{m.guests.join('; ') || t('none')}</dd>
        </dl>
        <h2>{t('fields.conclusions')}</h2>
        <p className="conclusions">{m.conclusions || t('none')}</p>
      </section>
      <MeetingTasks meeting={m} />
      <MeetingDocuments meeting={m} />
    </div>
  );
}
