import type { ReactNode } from 'react';
import type { FieldError } from '../api/types';
import { useFieldMessages } from './use-field-message';

interface FieldProps {
  label: string;
  name: string;
  errors?: FieldError[];
  required?: boolean;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}

/** A form field with its label and the API's errors for it right beside it. */
export const Field = ({ label, name, errors, required, hint, wide, children }: FieldProps) => {
  const mine = useFieldMessages()((errors ?? []).filter((error) => error.field === name).map((error) => error.message));
  return (
    <div className={`field${mine.length > 0 ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}`} data-field={name}>
      <label>
        <span className="field-label">
          {label}
          {required && <span className="required" aria-hidden="true"> *</span>}
        </span>
        {children}
      </label>
      {hint && <span className="field-hint">{hint}</span>}
      {mine.map((message) => (
        <span key={message} className="field-error" role="alert" data-testid={`error-${name}`}>
          {message}
        </span>
      ))}
    </div>
  );
};

/** Errors the API gave for a whole object (`applicant`, `claim`) rather than one of its fields. */
export const FieldErrors = ({ name, errors }: { name: string; errors: FieldError[] }) => {
  const messages = useFieldMessages()(errors.filter((error) => error.field === name).map((error) => error.message));
  return (
    <>
      {messages.map((message) => (
        <p key={message} className="field-error" role="alert" data-testid={`error-${name}`}>
          {message}
        </p>
      ))}
    </>
  );
};
