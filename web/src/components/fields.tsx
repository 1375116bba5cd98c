import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ChangeEvent, ReactNode } from 'react';

type SelectFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  description?: string;
  error?: string;
  disabled?: boolean;
  required?: boolean;
  width?: 'full' | 'auto';
};

/** A labelled select with description and validation message (Designsystemet Field). */
export function SelectField({ id, label, value, onChange, children, description, error, disabled, required, width }: SelectFieldProps) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        required={required}
        width={width}
        aria-invalid={error ? true : undefined}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
      >
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
