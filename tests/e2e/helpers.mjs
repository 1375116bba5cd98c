// Shared set-up for the browser tests: Debian's Chromium through playwright-core (no browser
// download), axe checks and full-page screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.SAMKJOP_E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const PASSWORD = process.env.SAMKJOP_E2E_PASSWORD ?? 'Samkjop-demo-2026';
const SCREENSHOTS = join(fileURLToPath(new URL('.', import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A fresh browser context (own cookies) with Norwegian locale and Oslo time. */
export async function newPage(browser, { lang } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 900 },
    // Pre-set the UI language (the app keeps it in localStorage).
    storageState: lang ? { cookies: [], origins: [{ origin: BASE_URL, localStorage: [{ name: 'samkjop.lang', value: lang }] }] } : undefined,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer (e.g. 401 from /api/auth/me before login): expected, not a bug.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.errors = errors;
  return page;
}

export async function login(page, username, password = PASSWORD) {
  await page.goto('/logg-inn');
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
}

/** Waits until no spinner («Laster …») is left on the page. */
export async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Runs axe with the WCAG 2.0/2.1 A and AA rules; returns the serious and critical
 * violations (the ones that fail the test), and prints the others.
 */
export async function axe(page, name) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const describe = (v) => `${name}: [${v.impact}] ${v.id} – ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`;
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations.filter((x) => !blocking.includes(x))) console.log(`axe (not blocking) ${describe(v)}`);
  return blocking.map(describe);
}
