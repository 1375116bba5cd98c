// The bulletproof-react boundaries, checked on resolved paths: a feature imports only itself and
// shared code (never another feature, never the app), and shared code (lib/, components/) never
// imports a feature or the app. ESLint's no-restricted-imports (eslint.config.js) reports the
// usual spellings in the editor; this test resolves every import (the @/ alias and relative paths
// of any depth), so no spelling slips through.

// Every source file's text, by its path from the web folder ("/src/features/org/i18n.ts"). Vite
// reads them, so the test needs no Node API (the app's tsconfig has no Node types).
const SOURCES = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/lib/api-schema.ts'], { query: '?raw', import: 'default', eager: true });

/** "/src/a/b/../c/./d" → "/src/a/c/d". */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return '/' + out.join('/');
}

const dirname = (path: string) => path.slice(0, path.lastIndexOf('/'));

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|vi\.mock\(\s*['"]([^'"]+)['"]/g;

/** The specifiers a file imports, resolved to paths under src/ (packages are left out). */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? '';
    if (spec.startsWith('@/')) out.push(normalize(`/src/${spec.slice(2)}`));
    else if (spec.startsWith('.')) out.push(normalize(`${dirname(file)}/${spec}`));
  }
  return out;
}

/** Where a path belongs: "feature:org", "app", "lib", "components", "testing", … */
function areaOf(path: string): string {
  const [, src, top, sub] = path.split('/');
  if (src !== 'src') return 'outside';
  return top === 'features' ? `feature:${sub}` : (top ?? '');
}

function violations(): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(SOURCES)) {
    const from = areaOf(file);
    for (const target of importsOf(file, text)) {
      const to = areaOf(target);
      const bad =
        (from.startsWith('feature:') && ((to.startsWith('feature:') && to !== from) || to === 'app')) ||
        ((from === 'lib' || from === 'components') && (to.startsWith('feature:') || to === 'app'));
      if (bad) found.push(`${file} imports ${target} (${from} → ${to})`);
    }
  }
  return found;
}

test('the scan sees the source files', () => {
  expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
  expect(SOURCES['/src/app/router.tsx']).toContain('createBrowserRouter');
});

test('features import only themselves and shared code; shared code imports no feature or app', () => {
  expect(violations()).toEqual([]);
});

test('the import scan resolves the alias and relative paths of any depth', () => {
  const file = '/src/features/users/components/__tests__/x.test.tsx';
  const text = [
    "import { a } from '@/features/org/api/get-people';",
    "import b from '../../../org/i18n';",
    "import type { C } from '../../i18n';",
    "export { d } from '@/app/router';",
    "const e = await import('../../../audit/components/audit-log');",
    "vi.mock('@/lib/auth');",
    "import { render } from '@testing-library/react';",
  ].join('\n');
  expect(importsOf(file, text)).toEqual([
    '/src/features/org/api/get-people',
    '/src/features/org/i18n',
    '/src/features/users/i18n',
    '/src/app/router',
    '/src/features/audit/components/audit-log',
    '/src/lib/auth',
  ]);
});
