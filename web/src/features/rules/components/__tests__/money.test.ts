import { formatKr, parseKroner } from '../../money';

const NBSP = '\u00a0';

test('øre are shown as kroner with grouped thousands and «kr» last', () => {
  expect(formatKr(130_000_000)).toBe(`1${NBSP}300${NBSP}000${NBSP}kr`);
  expect(formatKr(50)).toBe(`0,50${NBSP}kr`);
  expect(formatKr(100_000_050)).toBe(`1${NBSP}000${NBSP}000,50${NBSP}kr`);
  expect(formatKr(0)).toBe(`0${NBSP}kr`);
});

test('typed kroner become øre', () => {
  expect(parseKroner('1 300 000')).toBe(130_000_000);
  expect(parseKroner('1300000,5')).toBe(130_000_050);
  expect(parseKroner('1\u00a0300\u00a0000 kr')).toBe(130_000_000);
  expect(parseKroner('2300000.25')).toBe(230_000_025);
  expect(parseKroner('500 000,-')).toBe(50_000_000);
});

test('what is not an amount is refused', () => {
  for (const bad of ['', '-100', 'abc', '1,234,567', '1,234', '12.345', '1e6']) expect(parseKroner(bad), bad).toBeNull();
});
