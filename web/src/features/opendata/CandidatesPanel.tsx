import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState, ErrorNotice } from '../../components/States';
import type { Candidate, Page } from './types';

/** Publishers whose name is close to a registered organisation: a person confirms (links them) or rejects. */
export function CandidatesPanel() {
  const { t } = useTranslation('opendata');
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['iati-candidates'],
    queryFn: () => api.get<Page<Candidate>>('/api/iati/org-candidates', { status: 'OPEN', pageSize: 50 }),
  });
  const decide = useMutation({
    mutationFn: ({ c, decision }: { c: Candidate; decision: 'confirm' | 'reject' }) =>
      api.post<Candidate>(`/api/iati/org-candidates/${c.id}`, { decision, version: c.version }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['iati-candidates'] }),
  });
  return (
    <section className="card" aria-labelledby="iati-candidates">
      <h2 id="iati-candidates">{t('candidates.title')}</h2>
      <ErrorNotice error={list.error ?? decide.error} />
      {list.data && list.data.items.length === 0 && <EmptyState message={t('candidates.none')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('candidates.publisher')}</th>
                <th>{t('candidates.organisation')}</th>
                <th className="num">{t('candidates.score')}</th>
                <th className="num">{t('candidates.items')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => {
                const names = { publisher: c.name, organisation: c.organisationName };
                return (
                  <tr key={c.id}>
                    <td>
                      {c.name} {c.iatiRef && <code>{c.iatiRef}</code>}
                    </td>
                    <td>{c.organisationName}</td>
                    <td className="num">{c.score}</td>
                    <td className="num">{c.aidItems}</td>
                    <td className="row-actions">
                      <ConfirmButton
                        label={t('candidates.confirm')}
                        question={t('candidates.confirmQuestion', names)}
                        onConfirm={() => decide.mutate({ c, decision: 'confirm' })}
                        disabled={decide.isPending}
                      />
                      <ConfirmButton
                        label={t('candidates.reject')}
                        question={t('candidates.rejectQuestion', names)}
                        onConfirm={() => decide.mutate({ c, decision: 'reject' })}
                        disabled={decide.isPending}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
