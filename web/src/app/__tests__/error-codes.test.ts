// Every error code the server can send to the web has English text. The codes are read from the
// server's sources (../src: every `Status(...)` construction, `Finish("…")` and the like), so a
// new code without English fails here. Codes the web never shows are listed below with the reason.
import { commonErrors, type ErrorTexts } from '@/lib/error-texts';
import { allErrors, FEATURE_ERRORS } from '../i18n';

const SERVER_SOURCES = import.meta.glob<string>(['../../../../src/**/*.{cc,h}', '!../../../../src/**/*_test.cc'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

// A code as the first string argument of a Status constructor, declaration (`Status st(…)`) or
// factory, of JsonFields::Finish or of a `…Error("code", …)` helper, or as the default code of a
// parameter; `cond ? "a.b" : "c.d"` yields both. A module that builds its statuses through another
// kind of helper adds its pattern here when its web feature arrives.
const CODE_SITES = [
  /Status\s+\w+\(\s*(?:[\w:]*ErrorCode::\w+,\s*)"([a-z_]+\.[a-z_]+)"/g,
  /\b\w*Error\(\s*"([a-z_]+\.[a-z_]+)"/g,
  /Status(?:::\w+)?\(\s*(?:[\w:]*ErrorCode::\w+,\s*)?(?:[\w.]+\s*\?\s*"([a-z_]+(?:\.[a-z_]+)?)"\s*:\s*)?"([a-z_]+(?:\.[a-z_]+)?)"/g,
  /Finish\(\s*"([a-z_]+\.[a-z_]+)"/g,
  // The route kit: ReadBody(req, spec, "code", …) and a module's Invalid("code", errors) helper.
  /ReadBody\(\s*[^,]+,\s*[^,]+,\s*"([a-z_]+\.[a-z_]+)"/g,
  /\bInvalid\(\s*(?:[\w.]+\s*\?\s*"([a-z_]+\.[a-z_]+)"\s*:\s*)?"([a-z_]+\.[a-z_]+)"/g,
  /std::string&?\s+code(?:_name)?\s*=\s*"([a-z_]+\.[a-z_]+)"/g,
];

function serverCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const [path, text] of Object.entries(SERVER_SOURCES)) {
    for (const site of CODE_SITES) {
      for (const m of text.matchAll(site)) {
        for (const code of m.slice(1)) if (code && !codes.has(code)) codes.set(code, path.replace(/^(\.\.\/)+/, ''));
      }
    }
  }
  return codes;
}

/** Modules with no web feature yet: their feature's i18n.ts will own their codes. */
const NO_WEB_FEATURE = ['spend.'];

/** Codes that never reach the web, and why. */
const NOT_SHOWN: Record<string, string> = {
  'storage.bad_url': 'command line (--db)',
  'storage.migration_failed': 'start-up',
  'http.listen_failed': 'start-up',
  'backup.open': 'command line (backup/restore)',
  'backup.failed': 'command line (backup/restore)',
  'backup.missing': 'command line (backup/restore)',
  'backup.tool_failed': 'command line (backup/restore)',
  'app.bad_data_dir': 'command line (--data)',
  'org.unknown_role': 'command line (user add)',
  'org.unknown_municipality': 'command line (user add)',
  'org.missing_municipality': 'command line (user add)',
  'org.unknown_product_area': 'command line (user add)',
  'app.bad_today': 'command line (--today)',
  'app.bad_trusted_proxy': 'start-up (--trusted-proxy)',
  'auth.bad_grant_table': 'start-up (a grant table that breaks its rules)',
  'http.bad_route_table': 'start-up (duplicate routes, undeclared permissions)',
  'app.bad_smtp_url': 'start-up and command line (--smtp-url)',
  'app.bad_mail_from': 'start-up and command line (--mail-from)',
};

test('the server sources are found and codes are read from them', () => {
  const codes = serverCodes();
  expect(Object.keys(SERVER_SOURCES).length).toBeGreaterThan(10);
  // A few codes from different kinds of sites, so a broken pattern shows here.
  for (const code of ['org.officer_overlap', 'auth.csrf', 'http.payload_too_large', 'auth.invalid_credentials', 'org.invalid_municipality', 'validation.invalid_body', 'auth.forbidden', 'auth.throttled'])
    expect(codes.has(code), code).toBe(true);
});

test('every error code the server sends to the web has English text', () => {
  const missing = [...serverCodes()]
    .filter(([code]) => !(code in allErrors) && !(code in NOT_SHOWN) && !NO_WEB_FEATURE.some((p) => code.startsWith(p)))
    .map(([code, file]) => `${code} (${file})`);
  expect(missing, 'add English for these codes to the i18n.ts of the feature that owns them (or to lib/error-texts.tsx)').toEqual([]);
});

test('the lists of codes not shown hold only codes the server has', () => {
  const codes = serverCodes();
  expect(Object.keys(NOT_SHOWN).filter((c) => !codes.has(c))).toEqual([]);
});

const featureModules = import.meta.glob<Record<string, unknown>>('/src/features/*/i18n.ts', { eager: true });

test('every feature that has error texts has them merged in app/i18n.ts', () => {
  for (const [path, mod] of Object.entries(featureModules)) {
    const name = path.split('/')[3] as keyof typeof FEATURE_ERRORS;
    const texts = Object.entries(mod).filter(([key]) => key.endsWith('Errors'));
    if (texts.length === 0) continue;
    expect(texts, `${path} exports more than one error table`).toHaveLength(1);
    expect(FEATURE_ERRORS[name], `the error texts of ${path} are not in FEATURE_ERRORS (app/i18n.ts)`).toBe(texts[0]![1]);
  }
});

test('no error code has English text in two places', () => {
  const owners = new Map<string, string>();
  const twice: string[] = [];
  const sources: Array<[string, ErrorTexts]> = [['lib/error-texts.tsx', commonErrors], ...Object.entries(FEATURE_ERRORS).map(([f, e]): [string, ErrorTexts] => [`features/${f}`, e])];
  for (const [where, texts] of sources) {
    for (const code of Object.keys(texts)) {
      if (owners.has(code)) twice.push(`${code}: ${owners.get(code)} and ${where}`);
      else owners.set(code, where);
    }
  }
  expect(twice).toEqual([]);
});

test('every English error text is a sentence, with field texts where given', () => {
  for (const [code, text] of Object.entries(allErrors)) {
    expect(text.detail.trim(), code).toMatch(/[.!?]$/);
    for (const [field, message] of Object.entries(text.fields ?? {})) expect(message.trim(), `${code} ${field}`).not.toBe('');
  }
});
