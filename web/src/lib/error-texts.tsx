// English for the server's error messages. The server answers every error with problem+json: a
// machine `code` ("org.officer_overlap"), a Norwegian `detail` and Norwegian `errors[].message`s.
// In bokmål the UI shows the server's own words (they name the person, the date, the limit). In
// English it shows the text kept here for the code, and falls back to the server's Norwegian when a
// code has none. Each feature keeps the texts for its codes in its i18n.ts; the cross-cutting codes
// (HTTP, CSRF, database) are here; app/i18n.ts merges them and AppProvider provides them.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { ApiError, type FieldError, type Problem } from './api-client';
import { useLang, type Lang } from './i18n';

/** English for one error code: the detail, and optionally the message of named fields. */
export type ErrorText = {
  readonly detail: string;
  /** Only where the server sends one fixed message for that field under this code. */
  readonly fields?: Readonly<Record<string, string>>;
};

/** English error texts by problem code. */
export type ErrorTexts = Readonly<Record<string, ErrorText>>;

/** Codes any request can meet: the HTTP layer, the session and CSRF checks, the database. */
export const commonErrors: ErrorTexts = {
  internal: { detail: 'An internal error occurred. Please try again later.' },
  'http.not_found': { detail: 'Not found.' },
  'http.method_not_allowed': { detail: 'This method is not allowed here.' },
  'http.payload_too_large': { detail: 'The request is too large.' },
  'http.unsupported_media_type': { detail: 'The request must be sent as JSON (Content-Type: application/json).' },
  'http.malformed_json': { detail: 'The request is not valid JSON.', fields: { body: 'Not valid JSON.' } },
  'http.not_an_object': { detail: 'The request must be a JSON object.', fields: { body: 'Must be a JSON object.' } },
  'http.bad_path': { detail: 'Invalid address.' },
  'http.invalid_id': { detail: 'The id must be a positive whole number.', fields: { id: 'Must be a positive whole number.' } },
  'validation.invalid_body': { detail: 'The form has errors.' },
  'auth.unauthenticated': { detail: 'You must sign in.' },
  'auth.forbidden': { detail: 'You do not have access to this.' },
  'auth.csrf': { detail: 'The security token of your session is missing or out of date. Reload the page and try again.' },
  'auth.password_change_required': { detail: 'You must change your password before you continue.' },
  'storage.conflict': { detail: 'The change conflicts with existing data.' },
  'storage.unavailable': { detail: 'The database is not responding. Please try again later.' },
  'http.uri_too_long': { detail: 'The address is too long.' },
  'http.headers_too_large': { detail: 'The request headers are too large.' },
  'http.bad_request': { detail: 'The request is malformed.' },
  'http.busy': { detail: 'The server is busy. Please try again in a moment.' },
  'http.too_deep': { detail: 'The request is nested too deeply.', fields: { body: 'Nested too deeply.' } },
  'http.duplicate_key': { detail: 'A field appears twice in the request.' },
  'http.invalid_orgnr': { detail: 'The organisation number in the address is not valid.' },
  'http.invalid_query': { detail: 'The address has invalid parameters.' },
  'export.too_many_rows': { detail: 'The selection has too many rows for one export. Narrow the filters.', fields: { format: 'Too many rows to export.' } },
  'zip.invalid': { detail: 'The file is not a valid zip archive.' },
  'zip.unreadable': { detail: 'A file in the archive cannot be read.' },
  'zip.too_many_entries': { detail: 'The archive has too many files.' },
  'zip.too_large': { detail: 'The archive, or a file in it, is too large when unpacked.' },
  'zip.bomb': { detail: 'A file in the archive is compressed suspiciously well (a zip bomb); the archive is refused.' },
  'zip.unsafe_path': { detail: 'A file in the archive has a path that leaves the archive; the archive is refused.' },
  'zip.symlink': { detail: 'The archive holds a symbolic link, which is not allowed.' },
  'zip.encrypted': { detail: 'The archive holds an encrypted file, which is not allowed.' },
  'import.csv_quote': { detail: 'The CSV file has a misplaced quotation mark; see the line and column given.' },
  'import.csv_width': { detail: 'A row of the CSV file has a different number of fields than the header.' },
  'import.csv_encoding': { detail: 'The CSV file says it is UTF-8 but is not.' },
  'import.csv_field_too_long': { detail: 'A field of the CSV file is too long.' },
  'import.csv_empty': { detail: 'The file has no rows.' },
  'import.xlsx_invalid': { detail: 'The spreadsheet is damaged or not an xlsx file; see the sheet and cell given.' },
  'import.xlsx_invalid_date': { detail: 'A date cell of the spreadsheet holds no valid date.' },
  'import.xlsx_no_such_sheet': { detail: 'The spreadsheet has no sheet with that name.' },
  'net.not_configured': { detail: 'This lookup is not set up on the server.' },
  'net.connect_failed': { detail: 'The external service cannot be reached. Please try again later.' },
  'net.timeout': { detail: 'The external service did not answer in time. Please try again later.' },
  'net.too_large': { detail: 'The answer from the external service is larger than allowed.' },
  'net.tls': { detail: 'The secure connection to the external service could not be verified (certificate).' },
  'net.not_found': { detail: 'The external service does not know what was looked up.' },
  'net.bad_status': { detail: 'The external service answered with an error.' },
  'net.bad_json': { detail: 'The external service answered with something unexpected.' },
  'auth.missing_permission': { detail: 'You do not have access to this.' },
  'auth.busy': { detail: 'The server is busy checking passwords. Please try again in a moment.' },
  'auth.password_check_unavailable': { detail: 'The password could not be checked right now. Please try again later.' },
};

/** Joins error texts; a code defined twice is a mistake the i18n tests report. */
export function mergeErrorTexts(...all: ErrorTexts[]): ErrorTexts {
  return Object.assign({}, ...all) as ErrorTexts;
}

/** The message of a problem in `lang`: English by code, else the server's `detail` (then `title`). */
export function problemText(problem: Problem, lang: Lang, texts: ErrorTexts): string {
  const english = lang === 'en' && problem.code ? texts[problem.code]?.detail : undefined;
  return english ?? (problem.detail || problem.title || `HTTP ${problem.status}`);
}

/** The message of one field error of a problem in `lang`: English when the code names it, else the server's. */
export function fieldErrorText(problem: Problem, error: FieldError, lang: Lang, texts: ErrorTexts): string {
  const english = lang === 'en' && problem.code ? texts[problem.code]?.fields?.[error.field] : undefined;
  return english ?? error.message;
}

/** The message of anything thrown: an ApiError by its problem, an Error by its message, else `fallback`. */
export function errorText(error: unknown, lang: Lang, texts: ErrorTexts, fallback: string): string {
  if (error instanceof ApiError) return problemText(error.problem, lang, texts) || fallback;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

const ErrorTextsContext = createContext<ErrorTexts>(commonErrors);

/** Provides the merged error texts (AppProvider does, with every feature's). */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <ErrorTextsContext.Provider value={texts}>{children}</ErrorTextsContext.Provider>;
}

/** Error messages in the current language: `message(error)` and `field(error, fieldError)`. */
export function useErrorText() {
  const lang = useLang();
  const texts = useContext(ErrorTextsContext);
  return useMemo(
    () => ({
      message: (error: unknown, fallback = '') => errorText(error, lang, texts, fallback),
      field: (error: unknown, e: FieldError) => (error instanceof ApiError ? fieldErrorText(error.problem, e, lang, texts) : e.message),
    }),
    [lang, texts],
  );
}
