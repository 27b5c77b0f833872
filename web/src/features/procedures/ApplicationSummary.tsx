import { useTranslation } from 'react-i18next';
import { useAgencyName, useReferenceList } from '../../api/reference';
import type { DossierDetail } from './types';
import { useLocalized } from './useLocalized';

type Application = {
  requestedValidUntil?: string | null;
  summary?: string;
  provinceIds?: string[];
  sectorCodes?: string[];
  officeProvinceId?: string | null;
  changes?: { provinceIds?: string[]; sectorCodes?: string[]; officeProvinceId?: string | null; other?: string };
  reissueReason?: 'LOST' | 'DAMAGED';
  cessationDate?: string | null;
  governingAgencyId?: string;
  aid?: { titleVi?: string; titleEn?: string };
};

const TAKES_VALIDITY = new Set(['NEW_GDKHD', 'NEW_GDKVPDD', 'EXTEND_GDKHD', 'EXTEND_GDKVPDD']);

/**
 * What the applicant asked for, in words (names, not ids; dates as dd/mm/yyyy): every officer and consulted agency
 * handling the dossier reads it beside the documents (issue 13 §2).
 */
export function ApplicationSummary({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation('caseFile');
  const l = useLocalized();
  const agencyName = useAgencyName();
  const provinces = useReferenceList('provincesNew34');
  const sectors = useReferenceList('sectors');
  const app = dossier.application as Application;
  const province = (id: string) => {
    const p = provinces.data?.find((x) => x.id === id);
    return p ? l.name(p) : id;
  };
  const sector = (code: string) => {
    const s = sectors.data?.find((x) => x.code === code);
    return s ? l.name(s) : code;
  };
  const rows: [string, string][] = [];
  if (TAKES_VALIDITY.has(dossier.procedureCode))
    rows.push([
      t('application.requestedValidUntil'),
      app.requestedValidUntil ? l.date(app.requestedValidUntil) : t('application.validityDefault'),
    ]);
  if (dossier.certificate) rows.push([t('application.certificate'), dossier.certificate.number]);
  if (app.provinceIds?.length) rows.push([t('application.provinces'), app.provinceIds.map(province).join(', ')]);
  if (app.sectorCodes?.length) rows.push([t('application.sectors'), app.sectorCodes.map(sector).join(', ')]);
  if (app.officeProvinceId) rows.push([t('application.officeProvince'), province(app.officeProvinceId)]);
  const c = app.changes;
  if (c?.provinceIds?.length) rows.push([t('application.changeProvinces'), c.provinceIds.map(province).join(', ')]);
  if (c?.sectorCodes?.length) rows.push([t('application.changeSectors'), c.sectorCodes.map(sector).join(', ')]);
  if (c?.officeProvinceId) rows.push([t('application.officeProvince'), province(c.officeProvinceId)]);
  if (c?.other) rows.push([t('application.changeOther'), c.other]);
  if (app.reissueReason) rows.push([t('application.reissueReason'), t(`reissueReason.${app.reissueReason}`)]);
  if (app.cessationDate) rows.push([t('application.cessationDate'), l.date(app.cessationDate)]);
  if (app.aid?.titleVi) rows.push([t('application.aidTitle'), l.pick(app.aid.titleVi, app.aid.titleEn || app.aid.titleVi)]);
  if (app.governingAgencyId) rows.push([t('application.governingAgency'), agencyName(app.governingAgencyId)]);
  if (app.summary) rows.push([t('application.summary'), app.summary]);

  return (
    <section className="card" data-testid="application">
      <h2>{t('application.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('application.none')}</p>
      ) : (
        <dl className="clock-summary">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
