import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { Pager } from '../pager';

test('one page: no navigation', () => {
  const { container } = render(<Pager page={1} pageSize={50} total={50} onChange={() => {}} />);
  expect(container).toBeEmptyDOMElement();
});

test('pages from the total; next asks for the next page; the current page is marked', async () => {
  const onChange = vi.fn();
  render(<Pager page={2} pageSize={50} total={230} onChange={onChange} label="Kontakter" />);
  expect(screen.getByRole('navigation', { name: 'Sidenavigasjon: Kontakter' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Side 5' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Side 6' })).toBeNull();
  expect(screen.getByRole('button', { name: 'Side 2' })).toHaveAttribute('aria-current', 'true');
  await userEvent.click(screen.getByRole('button', { name: 'Neste side' }));
  expect(onChange).toHaveBeenCalledWith(3);
});
