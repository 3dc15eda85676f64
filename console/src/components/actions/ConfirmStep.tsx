import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

interface ConfirmStepProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/**
 * The second click before money moves: says what will happen and how much, then asks. Focus lands
 * on "back", so a stray Enter does not order anything; Escape goes back too.
 */
export const ConfirmStep = ({ title, children, confirmLabel, busy, onConfirm, onCancel, testId }: ConfirmStepProps) => {
  const { t } = useI18n();
  const titleId = useId();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div
      className="confirm-step"
      role="alertdialog"
      aria-labelledby={titleId}
      data-testid={testId ?? 'confirm-step'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p className="confirm-title" id={titleId}>{title}</p>
      {children}
      <div className="buttons">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm} data-testid="confirm-money">
          {confirmLabel}
        </button>
        <button type="button" className="secondary" ref={back} disabled={busy} onClick={onCancel} data-testid="confirm-back">
          {t('goBack')}
        </button>
      </div>
    </div>
  );
};
