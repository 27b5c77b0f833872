import { useTranslation } from 'react-i18next';
import { formatDate } from '@common/format/date';
import type { PublicDecision } from './registry-api';

/** The history of the organisation's certificates: every decision, latest first (kind, dates, number; no person). */
export function ProfileHistory({ history }: { history: PublicDecision[] }) {
  const { t } = useTranslation('registry');
  return (
    <section className="card" aria-labelledby="profile-history">
      <h2 id="profile-history">{t('publicProfile.history')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('publicProfile.noHistory')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="profile-history">
            <thead>
              <tr>
                <th scope="col">{t('publicProfile.effectiveDate')}</th>
                <th scope="col">{t('publicProfile.decision')}</th>
                <th scope="col">{t('publicProfile.certificate')}</th>
                <th scope="col">{t('publicProfile.decisionNumber')}</th>
                <th scope="col">{t('publicProfile.decisionDate')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={`${h.certificateId}-${h.kind}-${h.effectiveDate}-${h.decisionNumber}`}>
                  <td>{formatDate(h.effectiveDate)}</td>
                  <td>{t(`events.${h.kind}`)}</td>
                  <td>
                    {t(`certificateTypesShort.${h.certificateType}`)} {h.certificateNumber}
                  </td>
                  <td>{h.decisionNumber}</td>
                  <td>{formatDate(h.decisionDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
