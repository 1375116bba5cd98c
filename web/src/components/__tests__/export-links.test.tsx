import { act, render, screen, within } from '@testing-library/react';
import { setLang } from '@/lib/i18n';
import { ExportLinks, exportUrl } from '../export-links';

afterEach(() => act(() => setLang('nb')));

test('the export address keeps the filters, drops empty ones and adds the format', () => {
  expect(exportUrl('/api/people', { q: 'møbler', municipality: '' }, 'csv')).toBe('/api/people?q=m%C3%B8bler&format=csv');
  expect(exportUrl('/api/audit', {}, 'xlsx')).toBe('/api/audit?format=xlsx');
});

test('a named group with an Excel and a CSV download link, in bokmål and English', () => {
  render(<ExportLinks path="/api/people" query={{ municipality: '944117784' }} />);
  const group = screen.getByRole('group', { name: 'Eksporter:' });
  const excel = within(group).getByRole('link', { name: 'Excel (.xlsx)' });
  const csv = within(group).getByRole('link', { name: 'CSV (.csv)' });
  expect(excel).toHaveAttribute('href', '/api/people?municipality=944117784&format=xlsx');
  expect(csv).toHaveAttribute('href', '/api/people?municipality=944117784&format=csv');
  expect(excel).toHaveAttribute('download');
  expect(csv).toHaveAttribute('download');
  act(() => setLang('en'));
  expect(screen.getByRole('group', { name: 'Export:' })).toBeInTheDocument();
});
