import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorNotice, Loading } from '../../components/States';
import { formatBytes, inLang, type Bundle, type FieldsDoc, type OpenDataIndex } from './types';
import './opendata.css';
import { formatDate } from '@common/format/date';
import { vietnamYear } from '@common/time/vietnam-today';
import { hasNationalScope } from '@common/auth/national-scope';

/** The public open-data page: the daily bundle, the IATI documents by year, the fields and the API. */
export function OpenDataPage() {
  const { t, i18n } = useTranslation('opendata');
  const { user } = useSession();
  const index = useQuery({ queryKey: ['opendata'], queryFn: () => api.get<OpenDataIndex>('/api/public/opendata') });
  const fields = useQuery({ queryKey: ['opendata', 'fields'], queryFn: () => api.get<FieldsDoc>('/api/public/opendata/fields') });
  const officer = hasNationalScope(user);
  return (
    <div className="stack opendata">
      <section className="card">
        <h1>{t('page.title')}</h1>
        <p>{t('page.intro')}</p>
        {index.data?.latest?.synthetic && (
          <p className="notice warning" role="note">
            {t('page.synthetic')}
          </p>
        )}
      </section>
      <ErrorNotice error={index.error} onRetry={() => void index.refetch()} />
      {index.isLoading && <Loading />}
      {index.data && <BundleSection index={index.data} admin={user?.role === 'admin'} />}
      {index.data && <IatiSection years={index.data.iati.years} />}
      <section className="card">
        <h2>{t('page.apiTitle')}</h2>
        <p>{t('page.apiIntro')}</p>
        <p className="row-actions">
          <a className="button" href="/api/docs">
            {t('page.apiDocs')}
          </a>
          <a className="button" href="/api/openapi.json">
            {t('page.openapi')}
          </a>
        </p>
      </section>
      {fields.data && (
        <section className="card" aria-labelledby="opendata-fields">
          <h2 id="opendata-fields">{t('page.fieldsTitle')}</h2>
          <p>
            <strong>{t('page.conventions')}:</strong> {inLang(fields.data.conventions, i18n.language)}
          </p>
          {fields.data.datasets.map((d) => (
            <details key={d.name}>
              <summary>
                <code>{d.files.join(', ')}</code> — {inLang(d.description, i18n.language)}
              </summary>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t('page.field')}</th>
                      <th>{t('page.type')}</th>
                      <th>{t('page.meaning')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.fields.map((f) => (
                      <tr key={f.name}>
                        <td>
                          <code>{f.name}</code>
                        </td>
                        <td>{f.type}</td>
                        <td>{inLang(f.description, i18n.language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ))}
        </section>
      )}
      {user && (
        <section className="card">
          <h2>{t('page.officerTitle')}</h2>
          <p className="row-actions">
            {officer && (
              <Link className="button" to="/open-data/iati-import">
                {t('page.importLink')}
              </Link>
            )}
            <Link className="button" to="/open-data/gap">
              {t('page.gapLink')}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

function BundleSection({ index, admin }: { index: OpenDataIndex; admin: boolean }) {
  const { t } = useTranslation('opendata');
  const queryClient = useQueryClient();
  const [queued, setQueued] = useState(false);
  const rebuild = useMutation({
    mutationFn: () => api.post<{ jobId: string }>('/api/opendata/bundles'),
    onSuccess: () => {
      setQueued(true);
      void queryClient.invalidateQueries({ queryKey: ['opendata'] });
    },
  });
  const latest = index.latest;
  return (
    <section className="card" aria-labelledby="opendata-bundle">
      <h2 id="opendata-bundle">{t('page.bundleTitle')}</h2>
      {latest ? <BundleTable bundle={latest} /> : <p className="state empty">{t('page.noBundle')}</p>}
      {admin && (
        <p className="row-actions">
          <button type="button" onClick={() => rebuild.mutate()} disabled={rebuild.isPending || queued}>
            {t('page.rebuild')}
          </button>
          {queued && <span className="notice success">{t('page.rebuildQueued')}</span>}
        </p>
      )}
      <ErrorNotice error={rebuild.error} />
      {index.bundles.length > 1 && (
        <details>
          <summary>{t('page.history')}</summary>
          <ul className="opendata-history">
            {index.bundles.slice(1).map((b) => (
              <li key={b.date}>
                {t('page.bundleOf', {
                  date: formatDate(b.date),
                })}
                :{' '}
                {b.files.map((f) => (
                  <a key={f.name} href={f.url} download>
                    {f.name}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function BundleTable({ bundle }: { bundle: Bundle }) {
  const { t, i18n } = useTranslation('opendata');
  const lang = i18n.language;
  return (
    <>
      <p>{t('page.bundleOf', { date: formatDate(bundle.date) })}</p>
      <div className="table-wrap">
        <table data-testid="opendata-files">
          <thead>
            <tr>
              <th>{t('page.file')}</th>
              <th className="num">{t('page.rows')}</th>
              <th className="num">{t('page.size')}</th>
              <th>{t('page.checksum')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {bundle.files.map((f) => (
              <tr key={f.name}>
                <td>
                  <code>{f.name}</code>
                  {f.name === 'manifest.json' && <small className="muted"> — {t('page.manifest')}</small>}
                </td>
                <td className="num">{f.name === 'manifest.json' ? '' : f.rows.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>
                <td className="num">{formatBytes(f.bytes, lang)}</td>
                <td>
                  <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  <a className="button" href={downloadUrl(f.url)} download>
                    {t('page.download')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function IatiSection({ years }: { years: number[] }) {
  const { t } = useTranslation('opendata');
  const [year, setYear] = useState(() => years.at(-2) ?? years.at(-1) ?? vietnamYear());
  return (
    <section className="card" aria-labelledby="opendata-iati">
      <h2 id="opendata-iati">{t('page.iatiTitle')}</h2>
      <p>{t('page.iatiIntro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="opendata-iati-year">{t('page.year')}</label>
          <select id="opendata-iati-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[...years].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p>
        <a className="button primary" href={downloadUrl('/api/public/iati/activities.xml', { year })} download>
          {t('page.downloadIati', { year })}
        </a>
      </p>
      <p className="muted">{t('page.iatiOrganisation')}</p>
      <p>
        <a href={downloadUrl('/api/public/iati/pipeline.xml')} download>
          {t('page.downloadPipeline')}
        </a>
      </p>
    </section>
  );
}
