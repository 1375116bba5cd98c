// Every text in both languages, across the common texts, the app and every feature: a key that
// has bokmål but no English (or the other way round), an empty text, a placeholder that differs
// between the languages, or a key defined twice fails here. The type checker catches most of
// this already (each feature types `en` by the keys of its `nb`); this test holds at run time and
// also finds a feature whose i18n.ts was never added to app/i18n.ts.
import { act, renderHook } from '@testing-library/react';
import { commonMessages, setLang, type Messages } from '@/lib/i18n';
import { appMessages, FEATURE_MESSAGES, useT } from '../i18n';

const featureModules = import.meta.glob<Record<string, unknown>>('/src/features/*/i18n.ts', { eager: true });
const featureName = (path: string) => path.split('/')[3] ?? path;

const isMessages = (v: unknown): v is Messages =>
  typeof v === 'object' && v !== null && 'nb' in v && 'en' in v && typeof (v as Messages).nb === 'object';

/** Every dictionary, named by where it lives. */
const dictionaries: Array<[string, Messages]> = [
  ['lib/i18n.ts (common)', commonMessages],
  ['app/i18n.ts', appMessages],
  ...Object.entries(featureModules).flatMap(([path, mod]) =>
    Object.entries(mod)
      .filter(([, v]) => isMessages(v))
      .map(([name, v]): [string, Messages] => [`features/${featureName(path)}/i18n.ts (${name})`, v as Messages]),
  ),
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every feature with an i18n.ts has its dictionary merged in app/i18n.ts', () => {
  expect(Object.keys(featureModules).length).toBeGreaterThan(0);
  for (const [path, mod] of Object.entries(featureModules)) {
    const name = featureName(path);
    const exported = Object.values(mod).filter(isMessages);
    expect(exported, `${path} exports no defineMessages(...) value`).toHaveLength(1);
    expect(FEATURE_MESSAGES[name as keyof typeof FEATURE_MESSAGES], `features/${name}/i18n.ts is not in FEATURE_MESSAGES (app/i18n.ts)`).toBe(exported[0]);
  }
});

describe.each(dictionaries)('%s', (_where, messages) => {
  test('every bokmål key has an English text', () => {
    const missing = Object.keys(messages.nb).filter((k) => !messages.en[k]?.trim());
    expect(missing, 'keys without English').toEqual([]);
  });

  test('every English key has a bokmål text', () => {
    const missing = Object.keys(messages.en).filter((k) => !messages.nb[k]?.trim());
    expect(missing, 'keys without bokmål').toEqual([]);
  });

  test('placeholders are the same in both languages', () => {
    const differing = Object.keys(messages.nb).filter((k) => messages.en[k] !== undefined && placeholders(messages.nb[k]!).join() !== placeholders(messages.en[k]!).join());
    expect(differing).toEqual([]);
  });
});

test('no key is defined in two places', () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const [where, messages] of dictionaries) {
    for (const key of Object.keys(messages.nb)) {
      if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${where}`);
      else seen.set(key, where);
    }
  }
  expect(twice).toEqual([]);
});

test('the app translates keys of the app, of features and common ones, in both languages', () => {
  const { result } = renderHook(() => useT());
  expect(result.current('nav.home')).toBe('Oversikt');
  expect(result.current('home.welcome', { name: 'Kari' })).toBe('Velkommen, Kari');
  expect(result.current('municipality.title')).toBe('Kommuner');
  expect(result.current('common.cancel')).toBe('Avbryt');
  act(() => setLang('en'));
  expect(result.current('nav.home')).toBe('Overview');
  expect(result.current('municipality.title')).toBe('Municipalities');
  act(() => setLang('nb'));
});
