import { act, renderHook } from '@testing-library/react';
import { defineMessages, getLang, mergeMessages, roleLabel, setLang, translate, translator, useT } from './i18n';

afterEach(() => act(() => setLang('nb')));

test('bokmål is the default, with placeholders filled in', () => {
  expect(getLang()).toBe('nb');
  expect(translate('nb', 'common.showing', { from: 1, to: 50, total: 120 })).toBe('Viser 1–50 av 120');
  expect(translate('en', 'common.showing', { from: 1, to: 50, total: 120 })).toBe('Showing 1–50 of 120');
  expect(translate('nb', 'common.required', {})).toBe('Fyll ut {field}');
});

test('switching language persists it and sets <html lang>', () => {
  const { result } = renderHook(() => useT());
  expect(result.current('common.cancel')).toBe('Avbryt');
  act(() => setLang('en'));
  expect(result.current('common.cancel')).toBe('Cancel');
  expect(document.documentElement.lang).toBe('en');
  expect(localStorage.getItem('samkjop.lang')).toBe('en');
});

test('role labels, and unknown roles as sent', () => {
  const t = (k: Parameters<typeof translate>[1]) => translate('nb', k);
  expect(roleLabel(t, 'officer')).toBe('Innkjøpsansvarlig');
  expect(roleLabel(t, 'something_new')).toBe('something_new');
});

test('a feature translator sees its own keys and the common ones', () => {
  const feature = translator(defineMessages({ 'x.hello': 'Hei, {name}' }, { 'x.hello': 'Hello, {name}' }));
  expect(feature.translate('en', 'x.hello', { name: 'Kari' })).toBe('Hello, Kari');
  expect(feature.translate('en', 'common.cancel')).toBe('Cancel');
  const { result } = renderHook(() => feature.useT());
  expect(result.current('x.hello', { name: 'Kari' })).toBe('Hei, Kari');
});

test('a text missing at run time falls back to bokmål, then to the key', () => {
  // The type checker refuses this dictionary; the completeness test in app/ refuses it at run time.
  const broken = translator({ nb: { 'x.only_nb': 'Bare norsk' }, en: {} } as never);
  expect(broken.translate('en', 'x.only_nb' as never)).toBe('Bare norsk');
  expect(broken.translate('en', 'x.nowhere' as never)).toBe('x.nowhere');
});

test('mergeMessages joins dictionaries', () => {
  const merged = mergeMessages(defineMessages({ 'a.one': 'en' }, { 'a.one': 'one' }), defineMessages({ 'b.two': 'to' }, { 'b.two': 'two' }));
  expect(merged.nb).toEqual({ 'a.one': 'en', 'b.two': 'to' });
  expect(merged.en).toEqual({ 'a.one': 'one', 'b.two': 'two' });
});
