import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { DirectoryItem, Page } from '../registry/registry-api';

/**
 * The donor organisation an aid owner names on its aid-approval dossier (D80 Art. 8, 10: the owner files, the
 * foreign NGO gives), found by name in the public directory; submits its id as `organisationId`.
 */
export function DonorPicker() {
  const { t } = useTranslation('procedures');
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['donor-search', q],
    queryFn: () => api.get<Page<DirectoryItem>>('/api/public/organisations', { q, page: 1, pageSize: 20 }),
    enabled: q.trim().length >= 2,
  });
  return (
    <>
      <div className="field">
        <label htmlFor="f-donor-q">{t('wizard.donorSearch')}</label>
        <input id="f-donor-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="f-donor">{t('wizard.donor')}</label>
        <select id="f-donor" name="organisationId" required defaultValue="">
          <option value="" disabled>
            {t('wizard.chooseDonor')}
          </option>
          {found.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.code})
            </option>
          ))}
        </select>
        <small>{t('wizard.donorHint')}</small>
      </div>
    </>
  );
}
