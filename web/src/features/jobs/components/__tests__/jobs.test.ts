import { describe, expect, test } from 'vitest';
import { translate, type Translate } from '../../i18n';
import { scheduleText } from '../jobs-table';
import { looksLikeEmail } from '../outbox';

const nb: Translate = (key, params) => translate('nb', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('scheduleText', () => {
  test('daily and once at a padded Oslo time', () => {
    expect(scheduleText({ schedule: { kind: 'daily', hour: 3, minute: 5, every_seconds: null, text: 'daily 03:05' } }, nb)).toBe('Hver dag kl. 03:05');
    expect(scheduleText({ schedule: { kind: 'once', hour: 23, minute: 0, every_seconds: null, text: 'once 23:00' } }, en)).toBe('Once, at 23:00');
  });
  test('intervals in minutes when whole, else seconds', () => {
    expect(scheduleText({ schedule: { kind: 'every', hour: 3, minute: 0, every_seconds: 3600, text: '' } }, nb)).toBe('Hvert 60. minutt');
    expect(scheduleText({ schedule: { kind: 'every', hour: 3, minute: 0, every_seconds: 90, text: '' } }, en)).toBe('Every 90 seconds');
  });
});

describe('looksLikeEmail', () => {
  test('accepts ordinary addresses and refuses the obviously wrong', () => {
    expect(looksLikeEmail('kari@grue.kommune.no')).toBe(true);
    for (const bad of ['', 'kari', 'kari@grue', 'a b@c.no', 'a@b.no\nBcc: x', '<a@b.no>']) expect(looksLikeEmail(bad), bad).toBe(false);
  });
});
