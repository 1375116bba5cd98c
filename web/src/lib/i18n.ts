// The i18n machinery and the common texts. Bokmål first, English second; the chosen language is
// kept in localStorage and mirrored on <html lang>. Messages may hold {placeholders}.
//
// Texts live with the code that shows them: each feature has `features/<name>/i18n.ts` with its
// own nb and en dictionaries and its own typed `useT()` (common keys + the feature's keys, so a
// feature cannot use another feature's texts). `app/i18n.ts` merges them all for the app shell and
// pages. This file keeps only what shared code (components/, lib/) and several features use.
import { useCallback, useSyncExternalStore } from 'react';

export type Lang = 'nb' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'en'];
const STORAGE_KEY = 'samkjop.lang';

/** One set of texts: bokmål, and English with exactly the same keys. */
export type Messages<K extends string = string> = {
  readonly nb: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
};

/** The keys of a Messages value. */
export type KeysOf<M> = M extends Messages<infer K> ? K : never;

/**
 * Declares a dictionary pair. The type of `en` is the keys of `nb`, so a missing or an extra
 * English key is a type error (and the i18n tests fail on it at run time too).
 */
export function defineMessages<NB extends Record<string, string>>(nb: NB, en: Record<keyof NB & string, string>): Messages<keyof NB & string> {
  return { nb, en } as Messages<keyof NB & string>;
}

/** Merges dictionaries (features into the app); later ones win, which the i18n tests forbid. */
export function mergeMessages<M extends Messages[]>(...all: M): Messages<KeysOf<M[number]>> {
  const merged = { nb: {} as Record<string, string>, en: {} as Record<string, string> };
  for (const m of all) {
    Object.assign(merged.nb, m.nb);
    Object.assign(merged.en, m.en);
  }
  return merged as Messages<KeysOf<M[number]>>;
}

const nb = {
  'app.name': 'Samkjøp',
  'app.loading': 'Laster …',

  'common.save': 'Lagre',
  'common.cancel': 'Avbryt',
  'common.create': 'Opprett',
  'common.edit': 'Rediger',
  'common.close': 'Lukk',
  'common.reset': 'Nullstill',
  'common.export': 'Eksporter:',
  'common.exportExcel': 'Excel (.xlsx)',
  'common.exportCsv': 'CSV (.csv)',
  'common.all': 'Alle',
  'common.yes': 'Ja',
  'common.no': 'Nei',
  'common.actions': 'Handlinger',
  'common.optional': '(valgfritt)',
  'common.dateHint': 'Format: dd.mm.åååå',
  'common.invalidDate': 'Skriv en gyldig dato på formen dd.mm.åååå',
  'common.required': 'Fyll ut {field}',
  'common.empty': 'Ingen treff.',
  'common.showing': 'Viser {from}–{to} av {total}',
  'common.previous': 'Forrige',
  'common.next': 'Neste',
  'common.pagination': 'Sidenavigasjon',
  'common.previousPage': 'Forrige side',
  'common.nextPage': 'Neste side',
  'common.pageN': 'Side {page}',
  'common.noAccessTitle': 'Du har ikke tilgang',
  'common.noAccessText': 'Rollene dine gir ikke tilgang til denne siden. Ta kontakt med en administrator hvis du trenger tilgang.',
  'common.notFoundTitle': 'Fant ikke siden',
  'common.notFoundText': 'Adressen finnes ikke. Den kan være skrevet feil, eller siden kan være flyttet.',
  'common.toHome': 'Gå til oversikten',
  'common.errorSummary': 'For å gå videre må du rette opp følgende feil:',
  'common.loadError': 'Kunne ikke hente data',
  'common.retry': 'Prøv igjen',
  'common.ongoing': 'pågår',

  'error.network': 'Får ikke kontakt med serveren. Sjekk nettverket og prøv igjen.',
  'error.generic': 'Noe gikk galt ({status}). Prøv igjen senere.',
  'error.sessionExpired': 'Økten din er utløpt. Logg inn på nytt.',

  'role.admin': 'Administrator',
  'role.director': 'Innkjøpsdirektør',
  'role.staff': 'Innkjøpskontoret',
  'role.chief_executive': 'Kommunedirektør',
  'role.officer': 'Innkjøpsansvarlig',
  'role.product_manager': 'Produktansvarlig',
  'role.council_member': 'Rådsmedlem',
  'role.employee': 'Ansatt',
  'role.auditor': 'Revisor',

  'common.passwordTooShort': 'Det nye passordet må ha minst 15 tegn',

  // The shared upload component (components/file-upload.tsx).
  'upload.label': 'Velg filer',
  'upload.description': 'Du kan velge flere filer, eller dra dem hit. PDF, PNG, JPEG, Office-filer (.docx, .xlsx, .pptx), CSV, tekst, XML og ZIP.',
  'upload.dropHint': 'Slipp filene her for å laste dem opp',
  'upload.listLabel': 'Opplastinger',
  'upload.progressLabel': 'Opplasting av {name}',
  'upload.uploading': 'Laster opp … {percent} %',
  'upload.done': 'Lastet opp',
  'upload.failed': 'Opplastingen mislyktes',
  'upload.network': 'Fikk ikke kontakt med serveren.',
  'upload.clear': 'Fjern ferdige fra listen',
} as const;

const en: Record<keyof typeof nb, string> = {
  'app.name': 'Samkjøp',
  'app.loading': 'Loading …',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.create': 'Create',
  'common.edit': 'Edit',
  'common.close': 'Close',
  'common.reset': 'Reset',
  'common.export': 'Export:',
  'common.exportExcel': 'Excel (.xlsx)',
  'common.exportCsv': 'CSV (.csv)',
  'common.all': 'All',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.actions': 'Actions',
  'common.optional': '(optional)',
  'common.dateHint': 'Format: dd.mm.yyyy',
  'common.invalidDate': 'Enter a valid date as dd.mm.yyyy',
  'common.required': 'Enter {field}',
  'common.empty': 'No results.',
  'common.showing': 'Showing {from}–{to} of {total}',
  'common.previous': 'Previous',
  'common.next': 'Next',
  'common.pagination': 'Pagination',
  'common.previousPage': 'Previous page',
  'common.nextPage': 'Next page',
  'common.pageN': 'Page {page}',
  'common.noAccessTitle': 'You do not have access',
  'common.noAccessText': 'Your roles do not give access to this page. Contact an administrator if you need access.',
  'common.notFoundTitle': 'Page not found',
  'common.notFoundText': 'The address does not exist. It may be mistyped, or the page may have moved.',
  'common.toHome': 'Go to the overview',
  'common.errorSummary': 'To continue, correct the following:',
  'common.loadError': 'Could not load data',
  'common.retry': 'Try again',
  'common.ongoing': 'ongoing',

  'error.network': 'Cannot reach the server. Check the network and try again.',
  'error.generic': 'Something went wrong ({status}). Please try again later.',
  'error.sessionExpired': 'Your session has expired. Please sign in again.',

  'role.admin': 'Administrator',
  'role.director': 'Procurement director',
  'role.staff': 'Procurement office',
  'role.chief_executive': 'Chief executive',
  'role.officer': 'Procurement officer',
  'role.product_manager': 'Product manager',
  'role.council_member': 'Council member',
  'role.employee': 'Employee',
  'role.auditor': 'Auditor',

  'common.passwordTooShort': 'The new password must be at least 15 characters',

  'upload.label': 'Choose files',
  'upload.description': 'You can choose several files, or drag them here. PDF, PNG, JPEG, Office files (.docx, .xlsx, .pptx), CSV, text, XML and ZIP.',
  'upload.dropHint': 'Drop the files here to upload them',
  'upload.listLabel': 'Uploads',
  'upload.progressLabel': 'Upload of {name}',
  'upload.uploading': 'Uploading … {percent} %',
  'upload.done': 'Uploaded',
  'upload.failed': 'The upload failed',
  'upload.network': 'Could not reach the server.',
  'upload.clear': 'Remove finished ones from the list',
};

/** The common texts (shared components, several features). */
export const commonMessages: Messages<keyof typeof nb> = { nb, en };
export type CommonKey = keyof typeof nb;

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

let current: Lang = readStoredLang();
const listeners = new Set<() => void>();

function applyToDocument(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyToDocument(current);

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyToDocument(lang);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, getLang);
}

export type Params = Record<string, string | number>;

/** A translate function over the keys K (the common keys by default). */
export type Translate<K extends string = CommonKey> = (key: K, params?: Params) => string;

function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * The translate function and hook over the common texts plus `messages`. Each feature's i18n.ts
 * calls this once and exports the result, so its components get a `useT()` typed to its own keys.
 * A key missing in English falls back to bokmål, then to the key itself (the tests forbid both).
 */
export function translator<K extends string>(messages: Messages<K>) {
  const lookup = (lang: Lang, key: string): string | undefined =>
    (messages[lang] as Record<string, string>)[key] ?? (commonMessages[lang] as Record<string, string>)[key];
  function translate(lang: Lang, key: K | CommonKey, params?: Params): string {
    return fill(lookup(lang, key) ?? lookup('nb', key) ?? key, params);
  }
  /** The translate function for the current language; re-renders when the language changes. */
  function useT(): Translate<K | CommonKey> {
    const lang = useLang();
    return useCallback((key: K | CommonKey, params?: Params) => translate(lang, key, params), [lang]);
  }
  return { translate, useT };
}

const common = translator(defineMessages({}, {}));
/** Translates a common key (shared components and lib). */
export const translate: (lang: Lang, key: CommonKey, params?: Params) => string = common.translate;
/** The common texts only; features and the app use their own `useT` from their i18n.ts. */
export const useT: () => Translate = common.useT;

/** The label of a role name from the API ("officer" → "Innkjøpsansvarlig"); unknown names as given. */
export function roleLabel(t: Translate, role: string): string {
  const key = `role.${role}`;
  return key in nb ? t(key as CommonKey) : role;
}
