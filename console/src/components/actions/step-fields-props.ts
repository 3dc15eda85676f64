import type { FieldError } from '../../api/types';

export interface StepFieldsProps {
  value: (name: string, fallback?: string) => string;
  set: (name: string) => (event: { target: { value: string } }) => void;
  errors: FieldError[];
}
