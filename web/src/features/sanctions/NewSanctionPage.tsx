import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { vietnamToday } from '@common/time/vietnam-today';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice, Loading } from '../../components/States';
import type { Organisation } from '../registry/registry-api';
import { GROUNDS, proposeSanction, type SanctionCode } from './sanctions-api';

/**
 * The proposal that opens a sanction case (`/supervision/sanctions/new?organisationId=…`), reached from an NGO's record
 * or an inspection finding: the sanction, its ground, the breach in words and the evidence it rests on.
 */
export function NewSanctionPage() {
  const { t } = useTranslation('sanctions');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const organisationId = params.get('organisationId') ?? '';
  const org = useQuery({
    queryKey: ['organisation', organisationId],
    queryFn: () => api.get<Organisation>(`/api/organisations/${organisationId}`),
    enabled: !!organisationId,
    retry: false,
  });
  const [code, setCode] = useState<SanctionCode>('SUSPENSION');
  const create = useMutation({ mutationFn: proposeSanction, onSuccess: (c) => navigate(`/supervision/sanctions/${c.id}`) });
  const certificates = (org.data?.certificates ?? []).filter((c) => c.status === 'ACTIVE' || c.status === 'SUSPENDED');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    create.mutate({
      procedureCode: code,
      organisationId,
      certificateId: text('certificateId'),
      legalGround: text('legalGround'),
      grounds: text('grounds'),
      evidence: [{ title: text('evidenceTitle'), reference: text('evidenceReference') || null, date: text('evidenceDate') || null }],
      proposedOn: text('proposedOn') || undefined,
    });
  };

  return (
    <section className="card">
      <p>
        <Link to="/supervision/sanctions">← {t('case.back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="hint">{t('new.hint')}</p>
      {org.isLoading && <Loading />}
      <ErrorNotice error={org.error} />
      {org.data && (
        <form onSubmit={onSubmit} aria-label={t('new.title')}>
          <p>
            <strong>{t('new.organisation')}:</strong> <Link to={`/organisations/${org.data.id}`}>{org.data.nameOriginal}</Link>
          </p>
          {certificates.length === 0 && <p className="notice">{t('new.noCertificate')}</p>}
          <SelectField
            label={t('new.certificate')}
            name="certificateId"
            required
            options={certificates.map((c) => ({ value: c.id, label: `${c.number} (${c.type})` }))}
          />
          <SelectField
            label={t('new.procedure')}
            value={code}
            onChange={(e) => setCode(e.target.value as SanctionCode)}
            options={(['SUSPENSION', 'FORCED_TERMINATION'] as const).map((c) => ({ value: c, label: t(`procedure.${c}`) }))}
          />
          <SelectField
            key={code}
            label={t('new.ground')}
            name="legalGround"
            required
            options={GROUNDS[code].map((g) => ({ value: g, label: t(`ground.${g}`) }))}
          />
          <div className="field">
            <label htmlFor="sanction-grounds">{t('new.grounds')}</label>
            <textarea id="sanction-grounds" name="grounds" required maxLength={4000} rows={4} />
          </div>
          <fieldset>
            <legend>{t('new.evidence')}</legend>
            <Field label={t('new.evidenceTitle')} name="evidenceTitle" required maxLength={300} />
            <Field label={t('new.evidenceReference')} name="evidenceReference" maxLength={100} />
            <DateField label={t('new.evidenceDate')} name="evidenceDate" />
          </fieldset>
          <DateField label={t('new.proposedOn')} name="proposedOn" defaultValue={vietnamToday()} required />
          <ErrorNotice error={create.error} />
          <button type="submit" className="primary" disabled={create.isPending || certificates.length === 0}>
            {t('new.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
