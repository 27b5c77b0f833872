import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { SelectField } from '../../components/SelectField';
import { StaleNotice, TextAreaField } from './form-parts';
import { formBody } from './OrganisationsPage';
import { statusClass, useReference, type Organisation } from './registry-api';
import { formatDate } from '@common/format/date';
import { DateField } from '../../components/DateField';

const ORG_TYPES = ['NGO', 'SOCIAL_FUND', 'PRIVATE_FUND', 'FOUNDATION', 'OTHER'];
type Partner = Organisation['partners'][number];
type Account = Organisation['bankAccounts'][number];

/** Read-only facts of an organisation. */
function Facts({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation('registry');
  const rows: [string, string | number | null][] = [
    ['code', org.code],
    ['nameOriginal', org.nameOriginal],
    ['nameVi', org.nameVi],
    ['nameEn', org.nameEn],
    ['acronym', org.acronym],
    ['countryCode', i18n.language === 'en' ? org.countryNameEn : org.countryNameVi],
    ['orgType', t(`orgTypes.${org.orgType}`)],
    ['legalStatus', org.legalStatus],
    ['homeTermUntil', org.homeTermUntil],
    ['hqAddress', org.hqAddress],
    ['contactAddress', org.contactAddress],
    ['website', org.website],
    ['email', org.email],
    ['phone', org.phone],
    ['staffForeign', org.staffForeign],
    ['staffLocal', org.staffLocal],
    ['mission', org.mission],
  ];
  const rep = org.representative;
  return (
    <>
      <dl className="registry-facts">
        {rows.map(([key, value]) => (
          <div key={key} className="registry-fact">
            <dt>{t(`fields.${key}`)}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('fields.representative')}</h3>
      {rep ? (
        <p>
          {t(`roles.${rep.role}`)}: <strong>{rep.fullName}</strong> {rep.nationality && `(${rep.nationality})`}
          {rep.passportNumber && ` — ${t('person.passportNumber')}: ${rep.passportNumber}`}
          {rep.email && ` — ${rep.email}`} {rep.phone && ` — ${rep.phone}`} <span className="muted small">{t('person.private')}</span>
        </p>
      ) : (
        <p className="muted">—</p>
      )}
      <h3>{t('fields.partners')}</h3>
      <p>{org.partners.length ? org.partners.map((p) => p.name).join('; ') : '—'}</p>
      <h3>{t('fields.bankAccounts')}</h3>
      <p>
        {org.bankAccounts.length
          ? org.bankAccounts.map((a) => `${a.bankName} ${a.accountNumber}${a.currency ? ` (${a.currency})` : ''}`).join('; ')
          : '—'}
      </p>
    </>
  );
}

/** Lists of partners and bank accounts edited as rows that can be added and removed. */
function RowsEditor<T extends object>({
  title,
  rows,
  setRows,
  blank,
  fields,
  addLabel,
  removeLabel,
}: {
  title: string;
  rows: T[];
  setRows(rows: T[]): void;
  blank: T;
  fields: { key: keyof T & string; label: string; type?: string }[];
  addLabel: string;
  removeLabel: string;
}) {
  return (
    <fieldset className="registry-rows">
      <legend>{title}</legend>
      {rows.map((row, i) => (
        <div key={i} className="inline">
          {fields.map((f) => (
            <Field
              key={f.key}
              label={f.label}
              type={f.type}
              value={String((row as Record<string, unknown>)[f.key] ?? '')}
              onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, [f.key]: e.target.value } : r)))}
            />
          ))}
          <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {removeLabel}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setRows([...rows, { ...blank }])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

const clean = <T extends object>(rows: T[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k, v]) => k !== 'id' && v !== '' && v !== null)));

/** The details card: facts, and for admin and central officers an edit form carrying the version (409 when stale). */
export function OrganisationDetails({ org, onSaved, onReload }: { org: Organisation; onSaved(org: Organisation): void; onReload(): void }) {
  const { t } = useTranslation('registry');
  const { t: tc } = useTranslation();
  const ref = useReference();
  const [editing, setEditing] = useState(false);
  const [partners, setPartners] = useState<Partial<Partner>[]>(org.partners);
  const [accounts, setAccounts] = useState<Partial<Account>[]>(org.bankAccounts);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<Organisation>(`/api/organisations/${org.id}`, body),
    onSuccess: (saved) => {
      setEditing(false);
      onSaved(saved);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { repFullName, repRole, repNationality, repPassport, repEmail, repPhone, repDateOfBirth, ...fields } = formBody(
      event.currentTarget,
      ['staffForeign', 'staffLocal'],
    );
    const representative = repFullName
      ? {
          fullName: repFullName,
          role: repRole,
          nationality: repNationality,
          passportNumber: repPassport,
          email: repEmail,
          phone: repPhone,
          dateOfBirth: repDateOfBirth,
        }
      : undefined;
    save.mutate({
      ...fields,
      version: org.version,
      ...(representative ? { representative } : {}),
      partners: clean(partners),
      bankAccounts: clean(accounts),
    });
  };
  const rep = org.representative;
  return (
    <section className="card">
      <h2>
        {t('organisation.details')} <span className={statusClass(org.status)}>{t(`status.${org.status}`)}</span>{' '}
        <span className="muted small">
          {t('fields.version')} {org.version}
        </span>
      </h2>
      {org.synthetic && <p className="notice warning">{t('directory.syntheticNote')}</p>}
      {org.warnings.map((w) => (
        <p key={w.certificateId} className="notice warning" role="alert">
          {t(`warnings.${w.code}`, {
            number: w.certificateNumber,
            validUntil: formatDate(w.validUntil),
            homeTerm: formatDate(w.homeTermUntil),
          })}
        </p>
      ))}
      <StaleNotice
        error={save.error}
        onReload={() => {
          save.reset();
          setEditing(false);
          onReload();
        }}
      />
      {!editing && <Facts org={org} />}
      {!editing && org.abilities.edit && (
        <button
          type="button"
          onClick={() => {
            setPartners(org.partners);
            setAccounts(org.bankAccounts);
            setEditing(true);
          }}
        >
          {t('organisation.edit')}
        </button>
      )}
      {editing && (
        <form className="grid-form" onSubmit={onSubmit} key={org.version}>
          <Field label={t('fields.nameOriginal')} name="nameOriginal" defaultValue={org.nameOriginal} required />
          <Field label={t('fields.nameVi')} name="nameVi" defaultValue={org.nameVi ?? ''} />
          <Field label={t('fields.nameEn')} name="nameEn" defaultValue={org.nameEn ?? ''} />
          <Field label={t('fields.acronym')} name="acronym" defaultValue={org.acronym ?? ''} />
          <SelectField
            label={t('fields.countryCode')}
            name="countryCode"
            defaultValue={org.countryCode}
            options={ref.countries.map((c) => ({ value: c.code, label: ref.name(c) }))}
          />
          <SelectField
            label={t('fields.orgType')}
            name="orgType"
            defaultValue={org.orgType}
            options={ORG_TYPES.map((o) => ({ value: o, label: t(`orgTypes.${o}`) }))}
          />
          <Field label={t('fields.legalStatus')} name="legalStatus" defaultValue={org.legalStatus ?? ''} />
          <DateField label={t('fields.homeTermUntil')} name="homeTermUntil" defaultValue={org.homeTermUntil ?? ''} />
          <Field label={t('fields.hqAddress')} name="hqAddress" defaultValue={org.hqAddress ?? ''} />
          <Field label={t('fields.contactAddress')} name="contactAddress" defaultValue={org.contactAddress ?? ''} />
          <Field label={t('fields.website')} name="website" defaultValue={org.website ?? ''} />
          <Field label={t('fields.email')} name="email" type="email" defaultValue={org.email ?? ''} />
          <Field label={t('fields.phone')} name="phone" defaultValue={org.phone ?? ''} />
          <Field label={t('fields.staffForeign')} name="staffForeign" type="number" min={0} defaultValue={org.staffForeign ?? ''} />
          <Field label={t('fields.staffLocal')} name="staffLocal" type="number" min={0} defaultValue={org.staffLocal ?? ''} />
          <TextAreaField label={t('fields.mission')} name="mission" defaultValue={org.mission ?? ''} />
          <fieldset className="registry-rows wide">
            <legend>
              {t('fields.representative')} <span className="muted small">{t('person.private')}</span>
            </legend>
            <div className="grid-form">
              <Field label={t('person.fullName')} name="repFullName" defaultValue={rep?.fullName ?? ''} />
              <SelectField
                label={t('person.role')}
                name="repRole"
                defaultValue={rep?.role ?? 'REPRESENTATIVE'}
                options={['REPRESENTATIVE', 'HEAD_OF_OFFICE'].map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
              <SelectField
                label={t('person.nationality')}
                name="repNationality"
                defaultValue={rep?.nationality ?? ''}
                empty="—"
                options={ref.countries.map((c) => ({ value: c.code, label: ref.name(c) }))}
              />
              <Field label={t('person.passportNumber')} name="repPassport" defaultValue={rep?.passportNumber ?? ''} autoComplete="off" />
              <DateField label={t('person.dateOfBirth')} name="repDateOfBirth" defaultValue={rep?.dateOfBirth ?? ''} />
              <Field label={t('person.email')} name="repEmail" type="email" defaultValue={rep?.email ?? ''} />
              <Field label={t('person.phone')} name="repPhone" defaultValue={rep?.phone ?? ''} />
            </div>
          </fieldset>
          <div className="wide">
            <RowsEditor
              title={t('fields.partners')}
              rows={partners}
              setRows={setPartners}
              blank={{ name: '' }}
              addLabel={t('partner.add')}
              removeLabel={t('partner.remove')}
              fields={[
                { key: 'name', label: t('partner.name') },
                { key: 'provinceId', label: t('partner.province') },
                { key: 'note', label: t('partner.note') },
              ]}
            />
            <RowsEditor
              title={t('fields.bankAccounts')}
              rows={accounts}
              setRows={setAccounts}
              blank={{ bankName: '', accountNumber: '' }}
              addLabel={t('bank.add')}
              removeLabel={t('bank.remove')}
              fields={[
                { key: 'bankName', label: t('bank.bankName') },
                { key: 'accountNumber', label: t('bank.accountNumber') },
                { key: 'currency', label: t('bank.currency') },
                { key: 'notifiedOn', label: t('bank.notifiedOn'), type: 'date' },
              ]}
            />
          </div>
          {!(save.error instanceof ApiError && save.error.code === 'stale_version') && <ErrorNotice error={save.error} />}
          <div className="row-actions wide">
            <button type="submit" className="primary" disabled={save.isPending}>
              {tc('actions.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {tc('actions.cancel')}
            </button>
          </div>
        </form>
      )}
      {save.isSuccess && !editing && <p className="notice success">{t('organisation.saved')}</p>}
    </section>
  );
}
