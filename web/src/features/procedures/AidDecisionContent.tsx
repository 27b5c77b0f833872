import { useTranslation } from 'react-i18next';
import { formatDate } from '@common/format/date';
import { formatAmount } from '@common/format/money';
import { useReferenceList } from '../../api/reference';
import type { AidDecisionContentView } from './types';
import { useLocalized } from './useLocalized';

type Content = AidDecisionContentView;

/**
 * What an aid approval decision says (Decree 80/2020 Art. 11), as stored with the decision: shown on the dossier to
 * everyone who reads it. A decision recorded without the officer's content shows what the dossier knew, marked so.
 */
export function AidDecisionContent({ content }: { content: Content }) {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const lang = l.en ? 'en' : 'vi';
  const provinces = useReferenceList('provincesNew34');
  const provinceName = (id: string) => {
    const p = provinces.data?.find((x) => x.id === id);
    return p ? l.name(p) : id;
  };
  const rows: [string, string][] = [];
  const add = (key: string, value: string | null | undefined) => value && rows.push([t(`aidDecision.${key}`), value]);
  add('aidName', content.aidName);
  add('donor', content.donor);
  add('aidOwner', content.aidOwner);
  add('objectives', content.objectives);
  if (content.value) add('value', `${formatAmount(content.value.amount, lang)} ${content.value.currency}`);
  if (content.counterpart) add('counterpartAmount', `${formatAmount(content.counterpart.amount, lang)} (${content.counterpart.source})`);
  if (content.financialMechanism)
    add(
      'mechanism',
      [
        t(content.financialMechanism.budgetRevenue ? 'aidDecision.budgetRevenue' : 'aidDecision.notBudgetRevenue'),
        content.financialMechanism.note,
      ]
        .filter(Boolean)
        .join(' — '),
    );
  if (content.implementation) add('period', `${formatDate(content.implementation.from)} – ${formatDate(content.implementation.to)}`);
  if (content.location)
    add('provinces', [content.location.provinceIds.map(provinceName).join(', '), content.location.text].filter(Boolean).join(' — '));
  return (
    <section className="card" data-testid="aid-decision-content">
      <h2>{t('aidDecision.title')}</h2>
      {content.prefilled && <p className="muted">{t('aidDecision.prefilled')}</p>}
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {content.goods && content.goods.length > 0 && (
        <table>
          <caption>{t('aidDecision.goods')}</caption>
          <thead>
            <tr>
              <th>{t('aidDecision.goodsName')}</th>
              <th>{t('aidDecision.goodsQuantity')}</th>
              <th>{t('aidDecision.goodsUnit')}</th>
              <th>{t('aidDecision.goodsValue')}</th>
            </tr>
          </thead>
          <tbody>
            {content.goods.map((g, i) => (
              <tr key={i}>
                <td>{g.name}</td>
                <td>{formatAmount(g.quantity, lang)}</td>
                <td>{g.unit}</td>
                <td>{g.value ? formatAmount(g.value, lang) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
