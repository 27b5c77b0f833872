import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceList } from '../../api/reference';
import { DateField } from '../../components/DateField';
import { vietnamToday } from '@common/time/vietnam-today';
import { parseShownAmount } from '@common/format/money';
import type { DossierDetail } from './types';
import { useLocalized } from './useLocalized';

type Goods = { name: string; quantity: string; unit: string; value: string };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The deciding officer's approval of an aid (Decree 80/2020 Art. 11): the decision's number and date and its content —
 * name, donor, aid owner, objectives, goods (for aid in goods), value and currency, counterpart funds and their
 * source, financial mechanism, implementation period and location — pre-filled from the dossier. Money is typed as a
 * decimal with a point ("120000.50") and sent as a string; the server checks everything and refuses (400) what is wrong.
 */
export function AidDecisionForm({ dossier, onSubmit }: { dossier: DossierDetail; onSubmit(body: Record<string, unknown>): void }) {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const lang = l.en ? 'en' : 'vi';
  const provinces = useReferenceList('provincesNew34');
  const app = dossier.application;
  const aid = (app.aid ?? {}) as Record<string, unknown>;
  const initialProvinces =
    Array.isArray(app.provinceIds) && app.provinceIds.length ? (app.provinceIds as string[]) : [str(app.aidProvinceId)];
  const [inKind, setInKind] = useState(false);
  const [goods, setGoods] = useState<Goods[]>([{ name: '', quantity: '', unit: '', value: '' }]);
  const setLine = (i: number, key: keyof Goods, value: string) => setGoods(goods.map((g, j) => (j === i ? { ...g, [key]: value } : g)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    // Typed as the screen shows money ("120.000,50" in Vietnamese); what is not an amount is sent as typed, and refused.
    const money = (raw: string) => (raw ? (parseShownAmount(raw, lang) ?? raw) : raw);
    const counterpart = money(text('counterpartAmount'));
    onSubmit({
      decisionNumber: text('decisionNumber'),
      decisionDate: text('decisionDate'),
      content: {
        aidName: text('aidName'),
        donor: text('donor'),
        aidOwner: text('aidOwner'),
        objectives: text('objectives'),
        inKind,
        goods: inKind
          ? goods
              .filter((g) => g.name.trim())
              .map((g) => ({
                name: g.name.trim(),
                quantity: money(g.quantity.trim()),
                unit: g.unit.trim(),
                value: money(g.value.trim()) || null,
              }))
          : [],
        value: { amount: money(text('valueAmount')), currency: text('valueCurrency').toUpperCase() },
        counterpart: counterpart ? { amount: counterpart, source: text('counterpartSource') } : null,
        financialMechanism: { budgetRevenue: form.get('budgetRevenue') === 'yes', note: text('mechanismNote') || null },
        implementation: { from: text('implementationFrom'), to: text('implementationTo') },
        location: { provinceIds: form.getAll('locationProvinceIds').map(String).filter(Boolean), text: text('locationText') || null },
      },
    });
  };

  const field = (name: string, label: string, props: { defaultValue?: string; required?: boolean; hint?: string; area?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`ad-${name}`}>{label}</label>
      {props.area ? (
        <textarea id={`ad-${name}`} name={name} defaultValue={props.defaultValue} required={props.required} />
      ) : (
        <input id={`ad-${name}`} name={name} defaultValue={props.defaultValue} required={props.required} />
      )}
      {props.hint && <small>{props.hint}</small>}
    </div>
  );

  return (
    <form onSubmit={submit} className="grid-form" aria-label={t('aidDecision.title')}>
      <p className="muted">{t('aidDecision.intro')}</p>
      {field('decisionNumber', t('detail.decisionNumber'), { required: true })}
      <DateField id="ad-decisionDate" label={t('detail.decisionDate')} name="decisionDate" required defaultValue={vietnamToday()} />
      {field('aidName', t('aidDecision.aidName'), { defaultValue: str(aid.titleVi), required: true })}
      {field('donor', t('aidDecision.donor'), { defaultValue: dossier.organisationName, required: true })}
      {field('aidOwner', t('aidDecision.aidOwner'), { required: true })}
      {field('objectives', t('aidDecision.objectives'), { defaultValue: str(app.summary), required: true, area: true })}
      {field('valueAmount', t('aidDecision.value'), { required: true, hint: t('aidDecision.moneyHint') })}
      {field('valueCurrency', t('aidDecision.currency'), { defaultValue: 'USD', required: true })}
      {field('counterpartAmount', t('aidDecision.counterpartAmount'), { hint: t('aidDecision.counterpartHint') })}
      {field('counterpartSource', t('aidDecision.counterpartSource'))}
      <fieldset className="field">
        <legend>{t('aidDecision.mechanism')}</legend>
        <label>
          <input type="radio" name="budgetRevenue" value="yes" defaultChecked /> {t('aidDecision.budgetRevenue')}
        </label>
        <label>
          <input type="radio" name="budgetRevenue" value="no" /> {t('aidDecision.notBudgetRevenue')}
        </label>
      </fieldset>
      {field('mechanismNote', t('aidDecision.mechanismNote'))}
      <DateField
        id="ad-from"
        label={t('aidDecision.from')}
        name="implementationFrom"
        required
        defaultValue={str(aid.plannedStart) || undefined}
      />
      <DateField id="ad-to" label={t('aidDecision.to')} name="implementationTo" required defaultValue={str(aid.plannedEnd) || undefined} />
      <div className="field">
        <label htmlFor="ad-provinces">{t('aidDecision.provinces')}</label>
        <select id="ad-provinces" name="locationProvinceIds" multiple size={6} defaultValue={initialProvinces} required>
          {(provinces.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {l.name(p)}
            </option>
          ))}
        </select>
      </div>
      {field('locationText', t('aidDecision.locationText'))}
      <label className="field">
        <span>
          <input type="checkbox" checked={inKind} onChange={(e) => setInKind(e.target.checked)} /> {t('aidDecision.inKind')}
        </span>
      </label>
      {inKind && (
        <fieldset className="field">
          <legend>{t('aidDecision.goods')}</legend>
          {goods.map((g, i) => (
            <div key={i} className="row-actions">
              <input
                aria-label={t('aidDecision.goodsName')}
                placeholder={t('aidDecision.goodsName')}
                value={g.name}
                onChange={(e) => setLine(i, 'name', e.target.value)}
              />
              <input
                aria-label={t('aidDecision.goodsQuantity')}
                placeholder={t('aidDecision.goodsQuantity')}
                value={g.quantity}
                onChange={(e) => setLine(i, 'quantity', e.target.value)}
              />
              <input
                aria-label={t('aidDecision.goodsUnit')}
                placeholder={t('aidDecision.goodsUnit')}
                value={g.unit}
                onChange={(e) => setLine(i, 'unit', e.target.value)}
              />
              <input
                aria-label={t('aidDecision.goodsValue')}
                placeholder={t('aidDecision.goodsValue')}
                value={g.value}
                onChange={(e) => setLine(i, 'value', e.target.value)}
              />
            </div>
          ))}
          <button type="button" onClick={() => setGoods([...goods, { name: '', quantity: '', unit: '', value: '' }])}>
            {t('aidDecision.addGoods')}
          </button>
        </fieldset>
      )}
      <button type="submit" className="primary">
        {t('actions.APPROVE', { context: 'aid' })}
      </button>
    </form>
  );
}
