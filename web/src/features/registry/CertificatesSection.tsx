import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/States';
import { ActionForm, IssueForm } from './CertificateForms';
import { statusClass, useReference, type CertificateView, type Organisation } from './registry-api';
import { formatDate } from '@common/format/date';
import { DateField } from '../../components/DateField';

/** One certificate as it stands today, with a date picker to read it as it stood on another day. */
function CertificateCard({ certificate, canRecord, onChanged }: { certificate: CertificateView; canRecord: boolean; onChanged(): void }) {
  const { t } = useTranslation('registry');
  const ref = useReference();
  const [asOf, setAsOf] = useState('');
  const [filedOn, setFiledOn] = useState('');
  const past = useQuery({
    queryKey: ['certificate', certificate.id, asOf],
    queryFn: () => api.get<CertificateView>(`/api/certificates/${certificate.id}`, { asOf }),
    enabled: asOf !== '',
  });
  const filing = useMutation({
    mutationFn: () => api.post(`/api/certificates/${certificate.id}/extension-filing`, { filedOn }),
    onSuccess: onChanged,
  });
  const shown = asOf && past.data ? past.data : certificate;
  return (
    <article className="registry-certificate" aria-label={certificate.number}>
      <h3>
        {t(`certificateTypes.${certificate.type}`)} — {certificate.number}{' '}
        <span className={statusClass(shown.status)} data-testid="certificate-status">
          {t(`status.${shown.status}`)}
        </span>
      </h3>
      <dl className="registry-facts">
        <dt>{t('certificate.version')}</dt>
        <dd>{shown.version}</dd>
        <dt>{t('certificate.validFrom')}</dt>
        <dd>{formatDate(shown.validFrom)}</dd>
        <dt>{t('certificate.validUntil')}</dt>
        <dd data-testid="certificate-valid-until">{formatDate(shown.validUntil)}</dd>
        <dt>{t('certificate.provinces')}</dt>
        <dd>{shown.provinceIds.map(ref.province).join(', ') || '—'}</dd>
        <dt>{t('certificate.sectors')}</dt>
        <dd>{shown.sectorCodes.map(ref.sector).join(', ') || '—'}</dd>
        {shown.officeProvinceId && (
          <>
            <dt>{t('certificate.officeProvince')}</dt>
            <dd>{ref.province(shown.officeProvinceId)}</dd>
          </>
        )}
        {certificate.extensionFiledOn && (
          <>
            <dt>{t('action.extensionFiledOn')}</dt>
            <dd>{formatDate(certificate.extensionFiledOn)}</dd>
          </>
        )}
      </dl>
      {shown.suspension && (
        <p className="notice warning">
          {t('certificate.suspendedSince', { date: shown.suspension.since, deadline: shown.suspension.remedyDeadline ?? '—' })}
        </p>
      )}
      <div className="inline">
        <DateField label={t('certificate.asOf')} value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        {canRecord && (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              filing.mutate();
            }}
          >
            <DateField label={t('action.extensionFiledOn')} value={filedOn} required onChange={(e) => setFiledOn(e.target.value)} />
            <button type="submit" disabled={filing.isPending}>
              {t('action.extensionFiled')}
            </button>
          </form>
        )}
      </div>
      <ErrorNotice error={past.error ?? filing.error} />
      {filing.isSuccess && <p className="notice success">{t('action.extensionFiledDone')}</p>}
    </article>
  );
}

/** The organisation's certificates, the issue form and the "record a decision" form. */
export function CertificatesSection({ org, onChanged }: { org: Organisation; onChanged(): void }) {
  const { t } = useTranslation('registry');
  const canRecord = org.abilities.recordDecisions;
  // Open at first only for an organisation without a certificate, then left as the officer sets it: closing it
  // when the first certificate arrives would hide the form's own "issued" notice.
  const [issueOpen, setIssueOpen] = useState(org.certificates.length === 0);
  return (
    <section className="card">
      <h2>{t('organisation.certificates')}</h2>
      {org.certificates.length === 0 && <p className="muted">{t('certificate.none')}</p>}
      {org.certificates.map((c) => (
        <CertificateCard key={`${c.id}-${c.events.length}`} certificate={c} canRecord={canRecord} onChanged={onChanged} />
      ))}
      {canRecord && org.certificates.length > 0 && (
        <details className="registry-action" open>
          <summary>{t('action.title')}</summary>
          <ActionForm certificates={org.certificates} onDone={onChanged} />
        </details>
      )}
      {canRecord && (
        <details className="registry-action" open={issueOpen} onToggle={(e) => setIssueOpen(e.currentTarget.open)}>
          <summary>{t('action.issue')}</summary>
          <IssueForm organisationId={org.id} onDone={onChanged} />
        </details>
      )}
    </section>
  );
}
