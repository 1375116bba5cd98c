// Lint rules. Besides the usual TypeScript and React hooks rules, this enforces the
// bulletproof-react structure: features never import each other (compose them in src/app),
// and shared code (components, lib) never imports features or the app. The core rule matches
// import strings, not resolved paths; src/app/__tests__/import-boundaries.test.ts resolves every
// import and is the check that cannot be spelled around.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const noImport = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/lib/api-schema.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Shared code must not depend on features or the app.
  {
    files: ['src/components/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': noImport(['@/features/*', '@/app/*', '../features/*', '../app/*'], 'Shared code must not import features or the app.'),
    },
  },
  // A feature imports only from itself and shared code.
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': noImport(
        [...features.filter((f) => f !== feature).flatMap((f) => [`@/features/${f}`, `@/features/${f}/*`, `**/features/${f}/*`, `../${f}/*`, `../../${f}/*`, `../../../${f}/*`]), '@/app/*'],
        `Features must not import each other or the app: compose them in src/app (feature "${feature}").`,
      ),
    },
  })),
  {
    files: ['**/*.test.{ts,tsx}', 'src/testing/**'],
    languageOptions: { globals: { ...globals.browser, vi: 'readonly', describe: 'readonly', test: 'readonly', expect: 'readonly', afterEach: 'readonly', beforeEach: 'readonly' } },
  },
);
