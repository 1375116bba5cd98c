import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '@/testing/test-utils';
import type { Municipality } from '../../api/get-municipalities';
import { MunicipalitiesTable } from '../municipalities-table';

const kongsvinger: Municipality = {
  orgnr: '944117784', name: 'Kongsvinger', municipality_number: '3401', host: true, member_from: '2015-01-01', member_to: null,
  orgnr_verified: true, officer: { assignment_id: 5, person_id: 5, name: 'Kari Nordby', valid_from: '2025-01-01' }, r1_ok: true,
};
const asnes: Municipality = {
  orgnr: '974602970', name: 'Åsnes', municipality_number: '3418', host: false, member_from: '2015-01-01', member_to: '2030-12-31',
  orgnr_verified: false, officer: null, r1_ok: false,
};

test('shows Norwegian formats, the host and R-1 per municipality', () => {
  renderWithProviders(<MunicipalitiesTable items={[kongsvinger, asnes]} />);
  const rows = screen.getAllByRole('row');
  const k = within(rows[1]!);
  expect(k.getByRole('link', { name: 'Kongsvinger' })).toHaveAttribute('href', '/organisasjon/kommuner/944117784');
  expect(k.getByText('944 117 784')).toBeInTheDocument();
  expect(k.getByText('Vertskommune')).toBeInTheDocument();
  expect(k.getByText('01.01.2015')).toBeInTheDocument();
  expect(k.getByText('Kari Nordby')).toBeInTheDocument();
  expect(k.getByText('R-1 oppfylt')).toBeInTheDocument();

  const a = within(rows[2]!);
  expect(a.getByText('974 602 970')).toBeInTheDocument();
  expect(a.getByText('Ikke verifisert')).toBeInTheDocument();
  expect(a.getByText('31.12.2030')).toBeInTheDocument();
  expect(a.getByText('Mangler innkjøpsansvarlig')).toHaveAttribute('data-color', 'danger');
});
