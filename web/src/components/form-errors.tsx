import { Alert, ErrorSummary, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useMemo, useState } from 'react';
import { ApiError, type FieldError } from '@/lib/api-client';
import { useErrorText } from '@/lib/error-texts';
import { useT } from '@/lib/i18n';

/**
 * Field errors of a form, from client-side checks and from the server's problem+json
 * `errors[]` (in English where the problem's code has English for the field). `fieldIds` maps an
 * API field name to the id of its input, so the error summary can link to it.
 */
export function useFormErrors(fieldIds: Record<string, string>) {
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const errorText = useErrorText();

  const serverFieldErrors = useMemo(
    () => (serverError instanceof ApiError ? serverError.fieldErrors.map((e) => ({ ...e, message: errorText.field(serverError, e) })) : []),
    [serverError, errorText],
  );
  const errors = clientErrors.length > 0 ? clientErrors : serverFieldErrors;
  const byField = useMemo(() => {
    const map: Record<string, string> = {};
    for (const e of errors) if (!(e.field in map)) map[e.field] = e.message;
    return map;
  }, [errors]);

  const reset = useCallback(() => {
    setClientErrors([]);
    setServerError(null);
  }, []);

  return {
    errors,
    /** Whether `errors` came from the server (their messages may not name the field). */
    fromServer: clientErrors.length === 0 && serverFieldErrors.length > 0,
    /** The message for one field, for the input's `error` prop. */
    error: (field: string) => byField[field],
    /** Validates on submit: returns true when there is nothing to complain about. */
    validate: (found: FieldError[]) => {
      setServerError(null);
      setClientErrors(found);
      return found.length === 0;
    },
    setServerError: (e: unknown) => {
      setClientErrors([]);
      setServerError(e);
    },
    serverError,
    reset,
    fieldIds,
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;

/**
 * The error summary at the top of a form (Designsystemet ErrorSummary, focused when shown),
 * or — when the server refused without naming fields — an alert with its detail (the server's
 * Norwegian, or English by the problem's code).
 */
export function FormErrorSummary({ form, labels = {} }: { form: FormErrors; labels?: Record<string, string> }) {
  const t = useT();
  const errorText = useErrorText();
  const { errors, serverError, fieldIds, fromServer } = form;
  if (errors.length > 0) {
    const detail = fromServer && serverError instanceof ApiError ? errorText.message(serverError) : undefined;
    // The server's messages are short ("Finnes allerede."): name the field in front of them.
    const text = (e: FieldError) => (fromServer && labels[e.field] ? `${labels[e.field]}: ${e.message}` : e.message);
    return (
      <ErrorSummary className="form-error-summary">
        <Heading level={2} data-size="xs">
          {t('common.errorSummary')}
        </Heading>
        {detail && <Paragraph>{detail}</Paragraph>}
        <ErrorSummary.List>
          {errors.map((e) => (
            <ErrorSummary.Item key={`${e.field}:${e.message}`}>
              {fieldIds[e.field] ? <ErrorSummary.Link href={`#${fieldIds[e.field]}`}>{text(e)}</ErrorSummary.Link> : text(e)}
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    );
  }
  if (serverError) {
    const detail = errorText.message(serverError, String(serverError));
    return (
      <Alert data-color="danger" role="alert" className="form-error-summary">
        <Paragraph>{detail}</Paragraph>
      </Alert>
    );
  }
  return null;
}
