import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { fulfil, recordReceipt, waive, type Obligation } from './supervision-api';
import { DateField } from '../../components/DateField';

type Props = { organisationId: string; obligation: Obligation };

/** The NGO's "record as done" form (with the plan's file for an implementation plan) and the officer's waiver. */
export function ObligationActions({ organisationId, obligation }: Props) {
  const { t } = useTranslation('supervision');
  const client = useQueryClient();
  const [open, setOpen] = useState<'fulfil' | 'waive' | 'receipt' | null>(null);
  const [receivedOn, setReceivedOn] = useState('');
  const [doneOn, setDoneOn] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const done = () => {
    setOpen(null);
    void client.invalidateQueries({ queryKey: ['obligations', organisationId] });
  };
  const fulfilMutation = useMutation({ mutationFn: () => fulfil(organisationId, obligation.key, { doneOn, note, file }), onSuccess: done });
  const waiveMutation = useMutation({ mutationFn: () => waive(organisationId, obligation.key, reason), onSuccess: done });
  const receiptMutation = useMutation({
    mutationFn: () => recordReceipt(organisationId, obligation.eventId!, receivedOn),
    onSuccess: done,
  });
  // The receipt date is asked on the obligations it moves (O1, O2), for the NGO itself (officers use the API).
  const canRecordReceipt =
    obligation.canFulfil &&
    !!obligation.eventId &&
    (obligation.kind === 'BANK_ACCOUNT_NOTICE' || obligation.kind === 'IMPLEMENTATION_PLAN');
  const submit = (event: FormEvent, run: () => void) => {
    event.preventDefault();
    run();
  };
  if (!obligation.canFulfil && !obligation.canWaive) return null;
  return (
    <div className="obligation-actions">
      {open === null && obligation.canFulfil && (
        <button type="button" onClick={() => setOpen('fulfil')}>
          {t('fulfil.open')}
        </button>
      )}
      {open === null && obligation.canWaive && (
        <button type="button" onClick={() => setOpen('waive')}>
          {t('waive.open')}
        </button>
      )}
      {open === null && canRecordReceipt && (
        <button type="button" onClick={() => setOpen('receipt')}>
          {t('receipt.open')}
        </button>
      )}
      {open === 'receipt' && (
        <form onSubmit={(e) => submit(e, () => receiptMutation.mutate())} aria-label={t('receipt.open')}>
          <DateField
            label={t('receipt.date')}
            hint={t('receipt.hint')}
            required
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
          <ErrorNotice error={receiptMutation.error} />
          <button type="submit" className="primary" disabled={receiptMutation.isPending}>
            {t('receipt.submit')}
          </button>{' '}
          <button type="button" onClick={() => setOpen(null)}>
            {t('fulfil.cancel')}
          </button>
        </form>
      )}
      {open === 'fulfil' && (
        <form onSubmit={(e) => submit(e, () => fulfilMutation.mutate())} aria-label={t('fulfil.open')}>
          <DateField label={t('fulfil.doneOn')} value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />
          <Field label={t('fulfil.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          {obligation.kind === 'IMPLEMENTATION_PLAN' && (
            <Field
              label={t('fulfil.file')}
              type="file"
              required
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
          <ErrorNotice error={fulfilMutation.error} />
          <button type="submit" className="primary" disabled={fulfilMutation.isPending}>
            {t('fulfil.submit')}
          </button>{' '}
          <button type="button" onClick={() => setOpen(null)}>
            {t('fulfil.cancel')}
          </button>
        </form>
      )}
      {open === 'waive' && (
        <form onSubmit={(e) => submit(e, () => waiveMutation.mutate())} aria-label={t('waive.open')}>
          <Field
            label={t('waive.reason')}
            value={reason}
            required
            minLength={3}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorNotice error={waiveMutation.error} />
          <button type="submit" className="primary" disabled={waiveMutation.isPending}>
            {t('waive.submit')}
          </button>{' '}
          <button type="button" onClick={() => setOpen(null)}>
            {t('fulfil.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
