import { act, renderHook } from '@testing-library/react';
import { getLang, roleLabel, setLang, translate, useT } from './i18n';

afterEach(() => act(() => setLang('nb')));

test('bokmål is the default, with placeholders filled in', () => {
  expect(getLang()).toBe('nb');
  expect(translate('nb', 'home.welcome', { name: 'Kari' })).toBe('Velkommen, Kari');
  expect(translate('en', 'home.welcome', { name: 'Kari' })).toBe('Welcome, Kari');
});

test('switching language persists it and sets <html lang>', () => {
  const { result } = renderHook(() => useT());
  expect(result.current('nav.home')).toBe('Oversikt');
  act(() => setLang('en'));
  expect(result.current('nav.home')).toBe('Overview');
  expect(document.documentElement.lang).toBe('en');
  expect(localStorage.getItem('samkjop.lang')).toBe('en');
});

test('role labels, and unknown roles as sent', () => {
  const t = (k: Parameters<typeof translate>[1]) => translate('nb', k);
  expect(roleLabel(t, 'officer')).toBe('Innkjøpsansvarlig');
  expect(roleLabel(t, 'something_new')).toBe('something_new');
});
