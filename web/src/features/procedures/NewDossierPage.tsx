import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useReferenceList } from '../../api/reference';
import { useSession } from '../../api/session';
import { ErrorNotice, Loading } from '../../components/States';
import { AidApprovalLevelFields } from './AidApprovalFields';
import { DonorPicker } from './DonorPicker';
import { ProceduresNav } from './ProceduresNav';
import { ProcedureSummary } from './ProcedureSummary';
import type { DossierDetail, ProcedureVersion } from './types';
import { useLocalized } from './useLocalized';
import { DateField } from '../../components/DateField';
import { REPRESENTATIVE_OFFICE_PROVINCES } from '@domain/registration/certificate-types';
import { DOSSIER_PROCEDURE_CODES } from '@domain/procedures/types';

type Certificate = { id: string; number: string; type: string; validUntil: string };
const NEEDS_CERTIFICATE = ['EXTEND_GDKHD', 'EXTEND_GDKVPDD', 'AMEND', 'REISSUE', 'SELF_TERMINATION'];

const selected = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);

/**
 * Step 1–2 of the applicant's wizard: the procedure and what is applied for; documents are uploaded on the dossier
 * page. An NGO files its own procedures; the aid approval is filed by the Vietnamese aid owner, naming the donor.
 */
export function NewDossierPage() {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const navigate = useNavigate();
  const isOwner = useSession().user?.role === 'owner';
  const [code, setCode] = useState(isOwner ? 'AID_APPROVAL' : 'NEW_GDKHD');
  const procedures = useQuery({
    queryKey: ['procedures', 'inForce'],
    queryFn: () => api.get<{ items: ProcedureVersion[] }>('/api/procedures'),
  });
  const provinces = useReferenceList('provincesNew34');
  const sectors = useReferenceList('sectors');
  const certificates = useQuery({
    queryKey: ['my-certificates'],
    queryFn: () => api.get<{ items: Certificate[] }>('/api/procedures/my-certificates'),
    enabled: !isOwner,
  });
  const drafts = useQuery({
    queryKey: ['aid', 'drafts'],
    queryFn: () => api.get<{ items: { id: string; code: string; titleVi: string }[] }>('/api/aid', { status: 'PIPELINE', pageSize: 100 }),
    enabled: code === 'AID_APPROVAL', // the NGO's drafts; the aid owner's own (items naming it as aid owner: issue 13)
  });
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<DossierDetail>('/api/dossiers', body),
    onSuccess: (dossier) => navigate(`/dossiers/${dossier.id}`),
  });
  const version = procedures.data?.items.find((p) => p.code === code);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (form.get(name) ? String(form.get(name)) : undefined);
    const application: Record<string, unknown> = { summary: text('summary') };
    if (code.startsWith('NEW_')) {
      application.provinceIds = selected(form, 'provinceIds');
      application.sectorCodes = selected(form, 'sectorCodes');
      if (code === 'NEW_GDKVPDD') application.officeProvinceId = text('officeProvinceId');
    }
    if (code.startsWith('NEW_') || code.startsWith('EXTEND_')) application.requestedValidUntil = text('requestedValidUntil') ?? null;
    if (code === 'AMEND') {
      application.changes = {
        provinceIds: selected(form, 'changeProvinceIds'),
        sectorCodes: selected(form, 'changeSectorCodes'),
        other: text('changeOther'),
      };
    }
    if (code === 'REISSUE') application.reissueReason = text('reissueReason');
    if (code === 'SELF_TERMINATION') application.cessationDate = text('cessationDate') ?? null;
    if (code === 'AID_APPROVAL') {
      application.approvalLevel = text('approvalLevel');
      // Local aid names its province (its Department of Finance appraises it); the others their governing agency.
      if (application.approvalLevel === 'LOCAL') application.aidProvinceId = text('aidProvinceId');
      else application.governingAgencyId = text('governingAgencyId');
      application.provinceIds = selected(form, 'provinceIds');
      const itemId = text('aidItemId');
      application.aid = itemId
        ? { itemId }
        : {
            titleVi: text('aidTitleVi'),
            modality: text('aidModality'),
            plannedStart: text('aidPlannedStart'),
            plannedEnd: text('aidPlannedEnd'),
          };
    }
    create.mutate({
      procedureCode: code,
      organisationId: isOwner ? text('organisationId') : undefined,
      certificateId: NEEDS_CERTIFICATE.includes(code) ? text('certificateId') : undefined,
      application: JSON.parse(JSON.stringify(application)),
    });
  };

  const multi = (name: string, label: string, items: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} multiple size={6}>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
      <small>{t('wizard.multiHint')}</small>
    </div>
  );
  const provinceItems = (provinces.data ?? []).map((p) => ({ value: p.id, label: l.name(p) }));
  const sectorItems = (sectors.data ?? []).map((s) => ({ value: s.code, label: l.name(s) }));

  if (procedures.isLoading) return <Loading />;
  return (
    <div className="stack">
      <ProceduresNav />
      <section className="card">
        <h1>{t('wizard.title')}</h1>
        <form onSubmit={onSubmit}>
          <h2>{t('wizard.chooseProcedure')}</h2>
          <div className="field">
            <label htmlFor="f-procedure">{t('list.procedure')}</label>
            <select id="f-procedure" value={code} onChange={(e) => setCode(e.target.value)}>
              {procedures.data?.items
                .filter((p) => (p.code === 'AID_APPROVAL') === isOwner && (DOSSIER_PROCEDURE_CODES as readonly string[]).includes(p.code))
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {l.name(p)} — {p.legalDocument}
                  </option>
                ))}
            </select>
          </div>
          {version && <ProcedureSummary version={version} />}
          <h2>{t('wizard.details')}</h2>
          <div className="grid-form">
            {NEEDS_CERTIFICATE.includes(code) && (
              <div className="field">
                <label htmlFor="f-certificate">{t('wizard.certificate')}</label>
                <select id="f-certificate" name="certificateId" required>
                  <option value="">{t('wizard.chooseCertificate')}</option>
                  {certificates.data?.items.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.number} ({c.type}, {l.date(c.validUntil)})
                    </option>
                  ))}
                </select>
                {certificates.data?.items.length === 0 && <small className="error">{t('wizard.noCertificate')}</small>}
              </div>
            )}
            {code.startsWith('NEW_') && multi('provinceIds', t('wizard.provinces'), provinceItems)}
            {code.startsWith('NEW_') && multi('sectorCodes', t('wizard.sectors'), sectorItems)}
            {code === 'NEW_GDKVPDD' && (
              <div className="field">
                <label htmlFor="f-office">{t('wizard.officeProvince')}</label>
                <select id="f-office" name="officeProvinceId" required>
                  {provinceItems
                    .filter((p) => REPRESENTATIVE_OFFICE_PROVINCES.includes(p.value))
                    .map((p) => (
                      <option key={p.value} value={p.value}>
                        {p.label}
                      </option>
                    ))}
                </select>
              </div>
            )}
            {(code.startsWith('NEW_') || code.startsWith('EXTEND_')) && (
              <DateField id="f-valid" label={t('wizard.validUntil')} name="requestedValidUntil" />
            )}
            {code === 'AMEND' && multi('changeProvinceIds', t('wizard.changeProvinces'), provinceItems)}
            {code === 'AMEND' && multi('changeSectorCodes', t('wizard.changeSectors'), sectorItems)}
            {code === 'AMEND' && (
              <div className="field">
                <label htmlFor="f-other">{t('wizard.changeOther')}</label>
                <textarea id="f-other" name="changeOther" />
              </div>
            )}
            {code === 'REISSUE' && (
              <div className="field">
                <label htmlFor="f-reason">{t('wizard.reissueReason')}</label>
                <select id="f-reason" name="reissueReason" required>
                  <option value="LOST">{t('wizard.reasonLOST')}</option>
                  <option value="DAMAGED">{t('wizard.reasonDAMAGED')}</option>
                </select>
              </div>
            )}
            {code === 'SELF_TERMINATION' && <DateField id="f-cessation" label={t('wizard.cessationDate')} name="cessationDate" />}
            {code === 'AID_APPROVAL' && (
              <>
                {isOwner && <DonorPicker />}
                <AidApprovalLevelFields />
                {(!isOwner || (drafts.data?.items.length ?? 0) > 0) && (
                  <div className="field">
                    <label htmlFor="f-aid-item">{t('wizard.aidItem')}</label>
                    <select id="f-aid-item" name="aidItemId" defaultValue="">
                      <option value="">{t('wizard.aidNewItem')}</option>
                      {drafts.data?.items.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.code} · {a.titleVi}
                        </option>
                      ))}
                    </select>
                    <small>{t('wizard.aidItemHint')}</small>
                  </div>
                )}
                <div className="field">
                  <label htmlFor="f-aid-title">{t('wizard.aidTitle')}</label>
                  <input id="f-aid-title" name="aidTitleVi" maxLength={500} />
                </div>
                <div className="field">
                  <label htmlFor="f-aid-modality">{t('wizard.aidModality')}</label>
                  <select id="f-aid-modality" name="aidModality" defaultValue="PROJECT">
                    {['PROGRAMME', 'PROJECT', 'NON_PROJECT', 'RELIEF'].map((m) => (
                      <option key={m} value={m}>
                        {t(`wizard.modality${m}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <DateField id="f-aid-start" label={t('wizard.aidPlannedStart')} name="aidPlannedStart" />
                <DateField id="f-aid-end" label={t('wizard.aidPlannedEnd')} name="aidPlannedEnd" />
                {multi('provinceIds', t('wizard.provinces'), provinceItems)}
              </>
            )}
            <div className="field">
              <label htmlFor="f-summary">{t('wizard.summary')}</label>
              <textarea id="f-summary" name="summary" maxLength={4000} />
            </div>
          </div>
          <ErrorNotice error={create.error} />
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('wizard.next')}
          </button>
        </form>
      </section>
    </div>
  );
}
