import type { ReactNode } from 'react';
import type { FieldError } from '../api/types';

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
  const mine = (errors ?? []).filter((error) => error.field === name);
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
      {mine.map((error, index) => (
        <span key={index} className="field-error" role="alert" data-testid={`error-${name}`}>
          {error.message}
        </span>
      ))}
    </div>
  );
};

/** Errors the API gave for a whole object (`applicant`, `claim`) rather than one of its fields. */
export const FieldErrors = ({ name, errors }: { name: string; errors: FieldError[] }) => (
  <>
    {errors
      .filter((error) => error.field === name)
      .map((error, index) => (
        <p key={index} className="field-error" role="alert" data-testid={`error-${name}`}>
          {error.message}
        </p>
      ))}
  </>
);
