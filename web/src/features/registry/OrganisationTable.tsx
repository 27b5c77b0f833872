import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { displayName, statusClass, useReference, type DirectoryItem } from './registry-api';
import { formatDate } from '@common/format/date';

/**
 * One page of organisations as the public directory and the officers' list show them. The directory adds the
 * fields and the original name under a translated one; the officers' list adds the organisation code.
 */
export function OrganisationTable({
  items,
  linkTo,
  audience,
}: {
  items: DirectoryItem[];
  linkTo(id: string): string;
  audience: 'public' | 'officer';
}) {
  const { t, i18n } = useTranslation('registry');
  const ref = useReference();
  const publicView = audience === 'public';
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {!publicView && <th>{t('fields.code')}</th>}
            <th>{t('directory.columns.name')}</th>
            <th>{t('directory.columns.country')}</th>
            <th>{t('directory.columns.certificateTypes')}</th>
            {publicView && <th>{t('directory.columns.sectors')}</th>}
            <th>{t('directory.columns.provinces')}</th>
            <th>{t('directory.columns.validUntil')}</th>
            <th>{t('directory.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              {!publicView && <td>{item.code}</td>}
              <td>
                <Link to={linkTo(item.id)}>{displayName(item, i18n.language)}</Link>
                {item.acronym && <span className="muted"> ({item.acronym})</span>}
                {publicView && displayName(item, i18n.language) !== item.name && <div className="muted small">{item.name}</div>}
              </td>
              <td>{i18n.language === 'en' ? item.countryNameEn : item.countryNameVi}</td>
              <td>{item.certificateTypes.map((c) => t(`certificateTypesShort.${c}`)).join(', ')}</td>
              {publicView && <td>{item.sectorCodes.map(ref.sector).join(', ')}</td>}
              <td>{item.provinceIds.map(ref.province).join(', ')}</td>
              <td>{formatDate(item.validUntil)}</td>
              <td>
                <span className={statusClass(item.status)}>{t(`status.${item.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
