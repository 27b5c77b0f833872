import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceList } from '../../api/reference';
import { useLocalized } from './useLocalized';

/** Approval levels in the order an aid owner meets them (Decree 80/2020 Art. 7). */
export const AID_LEVELS = ['CENTRAL', 'LOCAL', 'PM', 'RELIEF_RECOVERY'] as const;

/**
 * The approval level of an aid (D80 Art. 7) with a short explanation of each, and what the level needs: the province
 * for local aid (its Department of Finance receives and appraises the dossier), the governing agency otherwise (MOF
 * receives a Prime-Minister-level dossier). Form fields `approvalLevel`, `aidProvinceId`, `governingAgencyId`.
 */
export function AidApprovalLevelFields({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const [level, setLevel] = useState<(typeof AID_LEVELS)[number]>('CENTRAL');
  const provinces = useReferenceList('provincesNew34');
  const agencies = useReferenceList('agencies');
  return (
    <>
      <fieldset className="field" data-testid="aid-level">
        <legend>{t('wizard.approvalLevel')}</legend>
        {AID_LEVELS.map((v) => (
          <label key={v} style={{ display: 'block' }}>
            <input type="radio" name="approvalLevel" value={v} checked={level === v} onChange={() => setLevel(v)} /> {t(`wizard.level${v}`)}
          </label>
        ))}
        <small>{t(`wizard.levelHelp${level}`)}</small>
      </fieldset>
      {level === 'LOCAL' ? (
        <div className="field">
          <label htmlFor="f-aid-province">{t('wizard.aidProvince')}</label>
          <select id="f-aid-province" name="aidProvinceId" required defaultValue="">
            <option value="">{t('wizard.chooseProvince')}</option>
            {(provinces.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {l.name(p)}
              </option>
            ))}
          </select>
          <small>{t('wizard.aidProvinceHint')}</small>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="f-governing">{t('wizard.governingAgency')}</label>
          <select id="f-governing" name="governingAgencyId" required>
            {agencies.data
              ?.filter((a) => !a.successorId && a.kind !== 'OTHER')
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {l.name(a)}
                </option>
              ))}
          </select>
        </div>
      )}
      {children}
    </>
  );
}
