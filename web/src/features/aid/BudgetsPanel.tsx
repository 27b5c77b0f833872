import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/States';
import { formatDate } from '@common/format/date';
import { formatAmount, formatShare } from './format';
import type { AidDetail } from './types';

type Money = {
  periodStart: string;
  amount: string;
  publishedAmount: string;
  currency: string;
  valueDate: string;
  amountUsd: string | null;
};
/** GET /api/aid/:id/budgets (src/modules/iati/iati-budgets.routes.ts). */
type AidBudgets = {
  budgets: (Money & { type: 'ORIGINAL' | 'REVISED'; status: 'INDICATIVE' | 'COMMITTED'; periodEnd: string })[];
  plannedDisbursements: (Money & {
    type: 'ORIGINAL' | 'REVISED' | null;
    periodEnd: string | null;
    provider: string | null;
    receiver: string | null;
  })[];
  sectorCodes: { vocabulary: '1' | '2'; code: string; sectorCode: string; share: string }[];
};

/**
 * What an IATI publisher plans for the item (issue 16 #4): budgets and planned disbursements, which count in no
 * figure, and the exact DAC codes it gave beside vnaid's sectors (#7). Shown only when there is something.
 */
export function BudgetsPanel({ item }: { item: AidDetail }) {
  const { t, i18n } = useTranslation('aid');
  const itemId = item.id;
  const sectorName = (code: string) => {
    const s = item.sectors.find((x) => x.code === code);
    return s ? (i18n.language === 'en' ? s.nameEn : s.nameVi) : code;
  };
  const query = useQuery({ queryKey: ['aid', itemId, 'budgets'], queryFn: () => api.get<AidBudgets>(`/api/aid/${itemId}/budgets`) });
  if (query.error) return <ErrorNotice error={query.error} />;
  const data = query.data;
  if (!data || data.budgets.length + data.plannedDisbursements.length + data.sectorCodes.length === 0) return null;
  const money = (m: Money) => `${formatAmount(m.amount, i18n.language)} ${m.currency}`;
  const usd = (m: Money) => (m.amountUsd === null ? '—' : formatAmount(m.amountUsd, i18n.language));
  const period = (start: string, end: string | null) => (end ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start));

  return (
    <section className="card" aria-labelledby="aid-budgets">
      <h2 id="aid-budgets">{t('budgets.title')}</h2>
      <p className="hint">{t('budgets.hint')}</p>
      {data.budgets.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('budgets.period')}</th>
                <th>{t('budgets.type')}</th>
                <th>{t('budgets.status')}</th>
                <th className="num">{t('budgets.amount')}</th>
                <th className="num">USD</th>
              </tr>
            </thead>
            <tbody>
              {data.budgets.map((b, i) => (
                <tr key={`${b.periodStart}-${i}`}>
                  <td>{period(b.periodStart, b.periodEnd)}</td>
                  <td>{t(`budgets.types.${b.type}`)}</td>
                  <td>{t(`budgets.statuses.${b.status}`)}</td>
                  <td
                    className="num"
                    title={b.publishedAmount !== b.amount ? t('budgets.published', { amount: b.publishedAmount }) : undefined}
                  >
                    {money(b)}
                  </td>
                  <td className="num">{usd(b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.plannedDisbursements.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="hint">{t('budgets.planned')}</caption>
            <thead>
              <tr>
                <th>{t('budgets.period')}</th>
                <th>{t('budgets.type')}</th>
                <th>{t('budgets.provider')}</th>
                <th>{t('budgets.receiver')}</th>
                <th className="num">{t('budgets.amount')}</th>
                <th className="num">USD</th>
              </tr>
            </thead>
            <tbody>
              {data.plannedDisbursements.map((p, i) => (
                <tr key={`${p.periodStart}-${i}`}>
                  <td>{period(p.periodStart, p.periodEnd)}</td>
                  <td>{p.type ? t(`budgets.types.${p.type}`) : '—'}</td>
                  <td>{p.provider ?? '—'}</td>
                  <td>{p.receiver ?? '—'}</td>
                  <td className="num">{money(p)}</td>
                  <td className="num">{usd(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.sectorCodes.length > 0 && (
        <>
          <h3>{t('budgets.exactCodes')}</h3>
          <ul className="plain">
            {data.sectorCodes.map((c) => (
              <li key={`${c.vocabulary}-${c.code}`}>
                <span className="badge">{t(`budgets.vocabulary.${c.vocabulary}`)}</span>{' '}
                {t('budgets.codeLine', { code: c.code, share: formatShare(c.share), sector: sectorName(c.sectorCode) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
