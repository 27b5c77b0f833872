import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatAmount } from '../aid/format';
import { useReference } from '../aid/useReference';
import { pick, type NeedListItem } from './types';

/** One proposal as a card: title, who proposes, where, field, budget and status. Readable on a phone. */
export function NeedCard({ item }: { item: NeedListItem }) {
  const { t, i18n } = useTranslation('programme');
  const { sectors, name, provinceName } = useReference();
  const lang = i18n.language;
  return (
    <li className="need-card">
      <h2>
        <Link to={`/needs/${item.id}`}>{pick(lang, item.titleVi, item.titleEn)}</Link>
      </h2>
      <p className="muted">
        {item.code} · {pick(lang, item.proposedByNameVi, item.proposedByNameEn)}
      </p>
      {(item.summaryVi || item.summaryEn) && <p>{pick(lang, item.summaryVi, item.summaryEn)}</p>}
      <dl className="need-facts">
        <dt>{t('fields.provinces')}</dt>
        <dd>{item.provinceIds.map(provinceName).join(', ')}</dd>
        <dt>{t('fields.sector')}</dt>
        <dd>{name(sectors.data?.find((s) => s.code === item.sectorCode)) || item.sectorCode}</dd>
        <dt>{t('fields.budget')}</dt>
        <dd>
          {formatAmount(item.budget, lang)} {item.currency}
        </dd>
      </dl>
      <span className={`need-status status-${item.status.toLowerCase()}`}>{t(`status.${item.status}`)}</span>
    </li>
  );
}
