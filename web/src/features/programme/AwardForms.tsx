import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice } from '../../components/States';
import { AWARD_KINDS, type Award, type AwardKind, type OrganisationRef } from './coordination-types';
import { useAgencyOptions } from './MeetingTasks';
import { OrganisationPicker } from './OrganisationPicker';
import { hasNationalScope } from '@common/auth/national-scope';

/** An agency's (or central's) nomination of an NGO or a person for an award. */
export function NominationForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation('coordination');
  const { user } = useSession();
  const queryClient = useQueryClient();
  const agencyOptions = useAgencyOptions();
  const central = hasNationalScope(user);
  const [kind, setKind] = useState<'ORGANISATION' | 'INDIVIDUAL'>('ORGANISATION');
  const [org, setOrg] = useState<OrganisationRef[]>([]);
  const [form, setForm] = useState({
    personName: '',
    organisationName: '',
    awardKind: 'CERTIFICATE_OF_MERIT' as AwardKind,
    awardName: '',
    reason: '',
    nominatingAgencyId: '',
  });
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const send = useMutation({
    mutationFn: () =>
      api.post<Award>('/api/programme/awards', {
        nomineeKind: kind,
        organisationId: org[0]?.id ?? (kind === 'ORGANISATION' ? '' : null),
        ...(kind === 'INDIVIDUAL' ? { personName: form.personName, organisationName: form.organisationName || null } : {}),
        awardKind: form.awardKind,
        awardName: form.awardName || null,
        reason: form.reason,
        nominatingAgencyId: central ? form.nominatingAgencyId || undefined : undefined,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['awards'] });
      onDone();
    },
  });
  return (
    <form
      className="card coordination"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <h2>{t('awards.nominate')}</h2>
      <SelectField
        label={t('awardFields.nomineeKind')}
        value={kind}
        options={(['ORGANISATION', 'INDIVIDUAL'] as const).map((k) => ({ value: k, label: t(`nomineeKinds.${k}`) }))}
        onChange={(e) => setKind(e.target.value as 'ORGANISATION' | 'INDIVIDUAL')}
      />
      {kind === 'INDIVIDUAL' && (
        <Field
          label={t('awardFields.personName')}
          required
          maxLength={200}
          value={form.personName}
          onChange={(e) => set('personName', e.target.value)}
        />
      )}
      <OrganisationPicker label={t('awardFields.organisation')} chosen={org} onChange={setOrg} single />
      {kind === 'INDIVIDUAL' && org.length === 0 && (
        <Field
          label={t('awardFields.organisationName')}
          maxLength={300}
          value={form.organisationName}
          onChange={(e) => set('organisationName', e.target.value)}
        />
      )}
      <SelectField
        label={t('awards.award')}
        value={form.awardKind}
        options={AWARD_KINDS.map((k) => ({ value: k, label: t(`awardKinds.${k}`) }))}
        onChange={(e) => set('awardKind', e.target.value)}
      />
      <Field label={t('awardFields.awardName')} maxLength={300} value={form.awardName} onChange={(e) => set('awardName', e.target.value)} />
      <div className="field">
        <label htmlFor="award-reason">{t('awardFields.reason')}</label>
        <textarea
          id="award-reason"
          required
          rows={4}
          maxLength={4000}
          value={form.reason}
          onChange={(e) => set('reason', e.target.value)}
        />
      </div>
      {central && (
        <SelectField
          label={t('awardFields.nominatingAgency')}
          empty=""
          value={form.nominatingAgencyId}
          options={agencyOptions}
          onChange={(e) => set('nominatingAgencyId', e.target.value)}
        />
      )}
      <ErrorNotice error={send.error} />
      <p>
        <button type="submit" className="primary" disabled={send.isPending}>
          {t('awards.nominate')}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}

/** Central records the decision on a nomination: decided (number, date, issuing authority) or declined (reason). */
export function DecisionForm({ award }: { award: Award }) {
  const { t } = useTranslation('coordination');
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<'DECIDED' | 'DECLINED'>('DECIDED');
  const [form, setForm] = useState({ decisionNumber: '', decisionDate: '', issuingAuthority: '', reason: '' });
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const decide = useMutation({
    mutationFn: () =>
      api.post<Award>(
        `/api/programme/awards/${award.id}/decision`,
        outcome === 'DECIDED'
          ? {
              outcome,
              version: award.version,
              decisionNumber: form.decisionNumber,
              decisionDate: form.decisionDate,
              issuingAuthority: form.issuingAuthority,
            }
          : { outcome, version: award.version, reason: form.reason },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['awards'] }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        decide.mutate();
      }}
    >
      <h4>{t('awards.record')}</h4>
      <SelectField
        label={t('awards.outcome')}
        value={outcome}
        options={[
          { value: 'DECIDED', label: t('awards.decided') },
          { value: 'DECLINED', label: t('awards.declined') },
        ]}
        onChange={(e) => setOutcome(e.target.value as 'DECIDED' | 'DECLINED')}
      />
      {outcome === 'DECIDED' ? (
        <>
          <Field
            label={t('awardFields.decisionNumber')}
            required
            maxLength={100}
            value={form.decisionNumber}
            onChange={(e) => set('decisionNumber', e.target.value)}
          />
          <DateField
            label={t('awardFields.decisionDate')}
            required
            value={form.decisionDate}
            onChange={(e) => set('decisionDate', e.target.value)}
          />
          <Field
            label={t('awardFields.issuingAuthority')}
            required
            maxLength={300}
            value={form.issuingAuthority}
            onChange={(e) => set('issuingAuthority', e.target.value)}
          />
        </>
      ) : (
        <Field
          label={t('awardFields.declineReason')}
          required
          maxLength={2000}
          value={form.reason}
          onChange={(e) => set('reason', e.target.value)}
        />
      )}
      <ErrorNotice error={decide.error} />
      <button type="submit" className="primary" disabled={decide.isPending}>
        {t('save')}
      </button>
    </form>
  );
}
