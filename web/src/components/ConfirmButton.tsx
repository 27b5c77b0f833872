import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { label: ReactNode; question: string; onConfirm(): void; className?: string; disabled?: boolean };

/** A button that asks first, in a native modal dialog (keyboard and screen-reader friendly). */
export function ConfirmButton({ label, question, onConfirm, className, disabled }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm">
        <h2>{t('confirmTitle')}</h2>
        <p>{question}</p>
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {t('actions.confirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
