import { act, render, screen } from '@testing-library/react';
import { useEffect, useRef } from 'react';
import { ApiError, type Problem } from '@/lib/api-client';
import { ErrorTextsProvider, type ErrorTexts } from '@/lib/error-texts';
import { setLang } from '@/lib/i18n';
import { FormErrorSummary, useFormErrors } from '../form-errors';
import { LoadError } from '../query-state';

const TEXTS: ErrorTexts = {
  'x.taken': { detail: 'The name is already taken.', fields: { name: 'Already exists.' } },
};

function Harness({ problem }: { problem: Problem }) {
  const form = useFormErrors({ name: 'name-input' });
  const set = useRef(form.setServerError);
  // Once, as a failed submit would (setServerError is a new function on every render).
  useEffect(() => set.current(new ApiError(problem)), [problem]);
  return (
    <>
      <FormErrorSummary form={form} labels={{ name: 'Name' }} />
      <p data-testid="at-field">{form.error('name')}</p>
    </>
  );
}

const renderWith = (ui: React.ReactElement) => render(<ErrorTextsProvider texts={TEXTS}>{ui}</ErrorTextsProvider>);

afterEach(() => act(() => setLang('nb')));

const taken: Problem = { status: 409, code: 'x.taken', detail: 'Navnet «Grue» er i bruk.', errors: [{ field: 'name', message: 'Finnes allerede.' }] };

test('in bokmål the summary and the field show the server’s words', () => {
  renderWith(<Harness problem={taken} />);
  expect(screen.getByText('Navnet «Grue» er i bruk.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Name: Finnes allerede.' })).toHaveAttribute('href', '#name-input');
  expect(screen.getByTestId('at-field')).toHaveTextContent('Finnes allerede.');
});

test('in English the summary and the field show the English for the code', () => {
  act(() => setLang('en'));
  renderWith(<Harness problem={taken} />);
  expect(screen.getByText('The name is already taken.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Name: Already exists.' })).toBeInTheDocument();
  expect(screen.getByTestId('at-field')).toHaveTextContent('Already exists.');
});

test('in English, a code without English keeps the server’s Norwegian', () => {
  act(() => setLang('en'));
  renderWith(<Harness problem={{ ...taken, code: 'x.unknown' }} />);
  expect(screen.getByText('Navnet «Grue» er i bruk.')).toBeInTheDocument();
  expect(screen.getByTestId('at-field')).toHaveTextContent('Finnes allerede.');
});

test('a refusal without fields is an alert, in English by its code', () => {
  act(() => setLang('en'));
  renderWith(<Harness problem={{ status: 409, code: 'x.taken', detail: 'Navnet er i bruk.' }} />);
  expect(screen.getByRole('alert')).toHaveTextContent('The name is already taken.');
});

test('LoadError shows the English for the code, or the Norwegian detail', () => {
  act(() => setLang('en'));
  const { rerender } = renderWith(<LoadError error={new ApiError({ status: 409, code: 'x.taken', detail: 'Navnet er i bruk.' })} />);
  expect(screen.getByText('The name is already taken.')).toBeInTheDocument();
  rerender(
    <ErrorTextsProvider texts={TEXTS}>
      <LoadError error={new ApiError({ status: 503, code: 'x.other', detail: 'Databasen svarer ikke.' })} />
    </ErrorTextsProvider>,
  );
  expect(screen.getByText('Databasen svarer ikke.')).toBeInTheDocument();
});
