import { changedKeys } from '../audit-log';

test('lists the top-level fields that changed', () => {
  expect(changedKeys({ name: 'Grue', member_to: null }, { name: 'Grue', member_to: '2030-12-31' })).toEqual(['member_to']);
  expect(changedKeys(null, { code: 'mat' })).toEqual(['code']);
  expect(changedKeys({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
});
