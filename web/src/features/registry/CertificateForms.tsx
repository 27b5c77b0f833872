import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CERTIFICATE_DECISION_KINDS,
  DECISION_GROUNDS,
  ENDING_DECISION_KINDS,
  type CertificateDecisionKind,
} from '@common/registry/certificate-decisions';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { SelectField } from '../../components/SelectField';
import { selectedValues } from './form-parts';
import { formBody } from './OrganisationsPage';
import { useReference, type CertificateView } from './registry-api';
import { DateField } from '../../components/DateField';
import { useProvinceLabel } from '../../api/reference';
import { REPRESENTATIVE_OFFICE_PROVINCES } from '@domain/registration/certificate-types';

const KINDS = CERTIFICATE_DECISION_KINDS;
type Kind = CertificateDecisionKind;
/** Decisions that end or suspend a certificate: asked for confirmation first. */
const DESTRUCTIVE: readonly Kind[] = ['SUSPENDED', ...ENDING_DECISION_KINDS];
const GROUNDS = DECISION_GROUNDS;
/** Kinds whose form offers new content (validity, provinces, fields, office). */
const CHANGES_CONTENT: readonly Kind[] = ['AMENDED', 'SUPPLEMENTED', 'EXTENDED', 'REISSUED'];

function useScopeOptions() {
  const ref = useReference();
  const provinceLabel = useProvinceLabel();
  return {
    provinces: ref.provinces.map((p) => ({ value: p.id, label: provinceLabel(p) })),
    sectors: ref.sectors.map((s) => ({ value: s.code, label: ref.name(s) })),
    offices: ref.provinces
      .filter((p) => REPRESENTATIVE_OFFICE_PROVINCES.includes(p.id))
      .map((p) => ({ value: p.id, label: provinceLabel(p) })),
  };
}

/** Issue of a new GDKHD or GDKVPDD, with its decision. */
export function IssueForm({ organisationId, onDone }: { organisationId: string; onDone(): void }) {
  const { t } = useTranslation('registry');
  const options = useScopeOptions();
  const [type, setType] = useState<'GDKHD' | 'GDKVPDD'>('GDKHD');
  const [issued, setIssued] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ number: string }>(`/api/organisations/${organisationId}/certificates`, body),
    onSuccess: (result) => {
      setIssued(result.number);
      onDone();
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const { provinceIds: _p, sectorCodes: _s, ...rest } = formBody(form);
    setIssued(null);
    issue.mutate({ ...rest, provinceIds: selectedValues(form, 'provinceIds'), sectorCodes: selectedValues(form, 'sectorCodes') });
  };
  return (
    <form className="grid-form" onSubmit={onSubmit} aria-label={t('action.issue')}>
      <SelectField
        label={t('certificate.type')}
        name="type"
        value={type}
        onChange={(e) => setType(e.target.value as 'GDKHD' | 'GDKVPDD')}
        options={(['GDKHD', 'GDKVPDD'] as const).map((c) => ({ value: c, label: t(`certificateTypes.${c}`) }))}
      />
      <Field label={t('action.number')} name="number" />
      <DateField label={t('action.issueDate')} name="issueDate" required />
      <DateField label={t('action.validUntil')} name="validUntil" required />
      {type === 'GDKVPDD' && <SelectField label={t('action.officeProvince')} name="officeProvinceId" options={options.offices} required />}
      <SelectField label={t('certificate.provinces')} name="provinceIds" multiple size={6} options={options.provinces} />
      <SelectField label={t('certificate.sectors')} name="sectorCodes" multiple size={6} options={options.sectors} />
      <Field label={t('action.decisionNumber')} name="decisionNumber" required />
      <DateField label={t('action.decisionDate')} name="decisionDate" required />
      <Field label={t('action.legalGround')} name="legalGround" defaultValue={t('grounds.default')} required />
      <ErrorNotice error={issue.error} />
      {issued && <p className="notice success">{t('action.issued', { number: issued })}</p>}
      <button type="submit" className="primary" disabled={issue.isPending}>
        {t('action.submit')}
      </button>
    </form>
  );
}

/** Body of a later decision from the form: content changes only when given. */
function eventBody(form: HTMLFormElement, kind: Kind): Record<string, unknown> {
  const { provinceIds: _p, sectorCodes: _s, validUntil, officeProvinceId, ...rest } = formBody(form);
  const changes: Record<string, unknown> = {};
  if (validUntil) changes.validUntil = validUntil;
  const provinces = selectedValues(form, 'provinceIds');
  const sectors = selectedValues(form, 'sectorCodes');
  if (provinces.length) changes.provinceIds = provinces;
  if (sectors.length) changes.sectorCodes = sectors;
  if (officeProvinceId) changes.officeProvinceId = officeProvinceId;
  return { ...rest, kind, ...(Object.keys(changes).length ? { changes } : {}) };
}

/** Records a decision on an existing certificate; destructive ones ask for confirmation. */
export function ActionForm({ certificates, onDone }: { certificates: CertificateView[]; onDone(): void }) {
  const { t } = useTranslation('registry');
  const options = useScopeOptions();
  const form = useRef<HTMLFormElement>(null);
  const [certificateId, setCertificateId] = useState(certificates[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>('EXTENDED');
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<CertificateView>(`/api/certificates/${certificateId}/events`, body),
    onSuccess: () => {
      setDone(t(`events.${kind}`));
      form.current?.reset();
      onDone();
    },
  });
  const certificate = certificates.find((c) => c.id === certificateId);
  const submit = () => {
    if (!form.current || !form.current.reportValidity()) return;
    setDone(null);
    record.mutate(eventBody(form.current, kind));
  };
  const grounds = GROUNDS[kind];
  return (
    <form
      ref={form}
      className="grid-form"
      aria-label={t('action.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!DESTRUCTIVE.includes(kind)) submit();
      }}
    >
      <SelectField
        label={t('action.certificate')}
        value={certificateId}
        onChange={(e) => setCertificateId(e.target.value)}
        options={certificates.map((c) => ({ value: c.id, label: `${c.number} (${t(`certificateTypesShort.${c.type}`)})` }))}
      />
      <SelectField
        label={t('action.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        options={KINDS.map((k) => ({ value: k, label: t(`events.${k}`) }))}
      />
      <Field label={t('action.decisionNumber')} name="decisionNumber" required />
      <DateField label={t('action.decisionDate')} name="decisionDate" required />
      <DateField label={t('action.effectiveDate')} name="effectiveDate" required />
      {grounds ? (
        <SelectField
          key={kind}
          label={t('action.legalGround')}
          name="legalGround"
          required
          options={grounds.map((g) => ({ value: g, label: t(`grounds.${g}`) }))}
        />
      ) : (
        <Field key={kind} label={t('action.legalGround')} name="legalGround" defaultValue={t('grounds.default')} required />
      )}
      {kind === 'SUSPENDED' && <DateField label={t('action.receivedDate')} name="receivedDate" />}
      {CHANGES_CONTENT.includes(kind) && (
        <>
          <DateField
            label={kind === 'EXTENDED' ? t('action.newValidUntil') : t('action.validUntil')}
            name="validUntil"
            required={kind === 'EXTENDED'}
            hint={kind === 'EXTENDED' ? undefined : t('action.keepUnchanged')}
          />
          {kind !== 'EXTENDED' && kind !== 'REISSUED' && (
            <>
              <SelectField label={t('certificate.provinces')} name="provinceIds" multiple size={5} options={options.provinces} />
              <SelectField label={t('certificate.sectors')} name="sectorCodes" multiple size={5} options={options.sectors} />
              {certificate?.type === 'GDKVPDD' && (
                <SelectField
                  label={t('action.officeProvince')}
                  name="officeProvinceId"
                  empty={t('action.keepUnchanged')}
                  options={options.offices}
                />
              )}
            </>
          )}
        </>
      )}
      <Field label={t('action.note')} name="note" />
      <ErrorNotice error={record.error} />
      {done && <p className="notice success">{t('action.recorded', { action: done })}</p>}
      {DESTRUCTIVE.includes(kind) ? (
        <ConfirmButton
          className="primary danger"
          label={t('action.submit')}
          question={t('action.confirm', { action: t(`events.${kind}`) })}
          onConfirm={submit}
          disabled={record.isPending}
        />
      ) : (
        <button type="submit" className="primary" disabled={record.isPending || !certificateId}>
          {t('action.submit')}
        </button>
      )}
    </form>
  );
}
