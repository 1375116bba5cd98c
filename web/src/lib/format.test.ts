import { addDays, compareNb, formatDate, formatDateTime, formatMoney, formatOrgnr, isValidOrgnr, parseDate, sortNb, todayIso } from './format';

const NBSP = '\u00a0';

describe('formatDate', () => {
  test.each([
    ['2026-03-01', '01.03.2026'],
    ['1999-12-31', '31.12.1999'],
    [null, ''],
    ['', ''],
    ['not a date', 'not a date'],
  ])('%s → %s', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });
});

describe('formatDateTime (Europe/Oslo)', () => {
  test('winter time is UTC+1', () => {
    expect(formatDateTime('2026-01-15T11:05:00Z')).toBe('15.01.2026 kl. 12:05');
  });
  test('summer time is UTC+2', () => {
    expect(formatDateTime('2026-07-01T22:30:00Z')).toBe('02.07.2026 kl. 00:30');
  });
  test('English uses "at"', () => {
    expect(formatDateTime('2026-01-15T11:05:00Z', 'en')).toBe('15.01.2026 at 12:05');
  });
  test('empty and invalid', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('garbage')).toBe('garbage');
  });
});

describe('parseDate', () => {
  test.each([
    ['1.3.2026', '2026-03-01'],
    ['01.03.2026', '2026-03-01'],
    [' 29.02.2024 ', '2024-02-29'],
    ['2026-03-01', '2026-03-01'],
    ['1/3/2026', '2026-03-01'],
  ])('accepts %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
  test.each(['29.02.2026', '32.01.2026', '1.13.2026', '2026-02-30', 'i går', '', '1.3.26'])('rejects %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

test('todayIso uses the Oslo date', () => {
  expect(todayIso(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
});

test('addDays crosses months and years', () => {
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
});

describe('organisation numbers', () => {
  test('format with spaces', () => {
    expect(formatOrgnr('944117784')).toBe('944 117 784');
    expect(formatOrgnr('944 117 784')).toBe('944 117 784');
    expect(formatOrgnr('12345')).toBe('12345');
  });
  test.each(['944117784', '944 117 784', '874602752', '964948143', '964950768', '874602612', '974602970'])('MOD11 accepts %s', (n) => {
    expect(isValidOrgnr(n)).toBe(true);
  });
  test.each(['944117785', '123456789', '94411778', 'abcdefghi', ''])('MOD11 rejects %s', (n) => {
    expect(isValidOrgnr(n)).toBe(false);
  });
});

describe('formatMoney (øre)', () => {
  test.each([
    [123456, `kr${NBSP}1${NBSP}234,56`],
    [0, `kr${NBSP}0,00`],
    [5, `kr${NBSP}0,05`],
    [-250, `-kr${NBSP}2,50`],
    [123456789012, `kr${NBSP}1${NBSP}234${NBSP}567${NBSP}890,12`],
  ])('%d → %s', (ore, expected) => {
    expect(formatMoney(ore)).toBe(expected);
  });
  test('null is empty', () => {
    expect(formatMoney(null)).toBe('');
  });
});

test('Norwegian collation puts Æ, Ø, Å last, in that order', () => {
  const names = ['Åsnes', 'Østre Toten', 'Eidskog', 'Ærøy', 'Grue', 'Sør-Odal', 'Zeta', 'Nord-Odal', 'Kongsvinger'];
  expect(sortNb(names, (x) => x)).toEqual(['Eidskog', 'Grue', 'Kongsvinger', 'Nord-Odal', 'Sør-Odal', 'Zeta', 'Ærøy', 'Østre Toten', 'Åsnes']);
  expect(compareNb('aa', 'Aa')).toBe(0);
});
