import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiError, type Problem } from './api-client';
import { commonErrors, errorText, ErrorTextsProvider, fieldErrorText, mergeErrorTexts, problemText, useErrorText, type ErrorTexts } from './error-texts';
import { setLang } from './i18n';

const TEXTS: ErrorTexts = {
  'org.officer_overlap': { detail: 'Another procurement officer starts on or after this date.', fields: { valid_from: 'Overlaps with another procurement officer.' } },
};

const overlap: Problem = {
  status: 409,
  title: 'Konflikt',
  code: 'org.officer_overlap',
  detail: 'Kari Nordmann er innkjøpsansvarlig fra 2027-04-01. Den nye må starte etter det, eller avslutt den andre først.',
  errors: [
    { field: 'valid_from', message: 'Overlapper med en annen innkjøpsansvarlig.' },
    { field: 'person_id', message: 'Noe annet.' },
  ],
};

afterEach(() => act(() => setLang('nb')));

describe('problemText', () => {
  test('in English, the text kept for the code', () => {
    expect(problemText(overlap, 'en', TEXTS)).toBe('Another procurement officer starts on or after this date.');
  });

  test('in bokmål, the server’s own detail (it names the person and the date)', () => {
    expect(problemText(overlap, 'nb', TEXTS)).toBe(overlap.detail);
  });

  test('a code without English falls back to the server’s Norwegian detail, then its title', () => {
    expect(problemText({ ...overlap, code: 'org.something_new' }, 'en', TEXTS)).toBe(overlap.detail);
    expect(problemText({ status: 409, title: 'Konflikt', code: 'org.something_new' }, 'en', TEXTS)).toBe('Konflikt');
    expect(problemText({ status: 502 }, 'en', TEXTS)).toBe('HTTP 502');
  });

  test('a problem without a code (not from our server) keeps its detail', () => {
    expect(problemText({ status: 502, detail: 'Bad gateway' }, 'en', TEXTS)).toBe('Bad gateway');
  });
});

describe('fieldErrorText', () => {
  test('in English, the field text kept for the code; other fields stay Norwegian', () => {
    expect(fieldErrorText(overlap, overlap.errors![0]!, 'en', TEXTS)).toBe('Overlaps with another procurement officer.');
    expect(fieldErrorText(overlap, overlap.errors![1]!, 'en', TEXTS)).toBe('Noe annet.');
  });

  test('in bokmål, the server’s message', () => {
    expect(fieldErrorText(overlap, overlap.errors![0]!, 'nb', TEXTS)).toBe('Overlapper med en annen innkjøpsansvarlig.');
  });
});

test('errorText: ApiError by its problem, Error by its message, anything else as the fallback', () => {
  expect(errorText(new ApiError(overlap), 'en', TEXTS, 'x')).toBe('Another procurement officer starts on or after this date.');
  expect(errorText(new Error('boom'), 'en', TEXTS, 'x')).toBe('boom');
  expect(errorText('??', 'en', TEXTS, 'fallback')).toBe('fallback');
});

test('the common codes have English, e.g. CSRF and a too large request', () => {
  expect(problemText({ status: 403, code: 'auth.csrf', detail: 'Mangler eller feil X-CSRF-Token. Last siden på nytt.' }, 'en', commonErrors)).toMatch(/Reload the page/);
  expect(problemText({ status: 413, code: 'http.payload_too_large', detail: 'Forespørselen er for stor (maks 1024 KiB).' }, 'en', commonErrors)).toBe('The request is too large.');
});

test('mergeErrorTexts joins tables', () => {
  expect(Object.keys(mergeErrorTexts(commonErrors, TEXTS))).toContain('org.officer_overlap');
  expect(Object.keys(mergeErrorTexts(commonErrors, TEXTS))).toContain('auth.csrf');
});

test('useErrorText follows the language and the provided texts', () => {
  const wrapper = ({ children }: { children: ReactNode }) => <ErrorTextsProvider texts={TEXTS}>{children}</ErrorTextsProvider>;
  const { result } = renderHook(() => useErrorText(), { wrapper });
  const error = new ApiError(overlap);
  expect(result.current.message(error)).toBe(overlap.detail);
  expect(result.current.field(error, overlap.errors![0]!)).toBe('Overlapper med en annen innkjøpsansvarlig.');
  act(() => setLang('en'));
  expect(result.current.message(error)).toBe('Another procurement officer starts on or after this date.');
  expect(result.current.field(error, overlap.errors![0]!)).toBe('Overlaps with another procurement officer.');
  expect(result.current.field(new Error('x'), { field: 'a', message: 'Klientfeil' })).toBe('Klientfeil');
});
