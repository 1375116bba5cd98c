import { Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatDate, parseDate } from '@/lib/format';
import { useT } from '@/lib/i18n';

type DateFieldProps = {
  id: string;
  label: string;
  /** YYYY-MM-DD, "" for no date, or null while the typed text is not a valid date. */
  value: string | null;
  /** Called with YYYY-MM-DD, "" when emptied, or null while the text is not a valid date. */
  onChange: (value: string | null) => void;
  error?: string;
  description?: string;
  required?: boolean;
  name?: string;
};

/**
 * A date typed as dd.mm.åååå (a text field, not the browser's date picker, so the format is
 * the same in every browser and language).
 */
export function DateField({ id, label, value, onChange, error, description, required, name }: DateFieldProps) {
  const t = useT();
  const [text, setText] = useState(formatDate(value));
  useEffect(() => {
    // Follow changes made from outside (reset, preset), not the results of our own parsing.
    if (value === null) return;
    setText((current) => {
      if (value === '') return current.trim() === '' ? current : '';
      return parseDate(current) === value ? current : formatDate(value);
    });
  }, [value]);
  return (
    <Textfield
      id={id}
      name={name ?? id}
      label={label}
      description={description ?? t('common.dateHint')}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      required={required}
      error={error}
      className="date-field"
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        onChange(next.trim() === '' ? '' : parseDate(next));
      }}
      onBlur={() => {
        const parsed = parseDate(text);
        if (parsed) setText(formatDate(parsed));
      }}
    />
  );
}
