// axe (WCAG 2.0/2.1 A + AA) on every page, with a full-page screenshot of each.
// Fails on any serious or critical violation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, launch, login, newPage, screenshot, settled } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function check(page, name) {
  await settled(page);
  await screenshot(page, name);
  const violations = await axe(page, name);
  assert.deepEqual(violations, [], `axe found serious/critical violations on ${name}:\n${violations.join('\n')}`);
  assert.deepEqual(page.errors, [], `errors in the browser on ${name}`);
}

describe('pages without signing in', () => {
  test('login page', async () => {
    const page = await newPage(browser);
    await page.goto('/logg-inn');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await check(page, '01-login');
    await page.context().close();
  });

  test('login page shows field errors in an error summary', async () => {
    const page = await newPage(browser);
    await page.goto('/logg-inn');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('For å gå videre må du rette opp følgende feil:').waitFor();
    await check(page, '01-login-errors');
    await page.context().close();
  });

  test('accessibility statement', async () => {
    const page = await newPage(browser);
    await page.goto('/logg-inn');
    await page.getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' }).waitFor();
    await check(page, '10-accessibility-statement');
    await page.context().close();
  });

  test('privacy notice', async () => {
    const page = await newPage(browser);
    await page.goto('/logg-inn');
    await page.getByRole('link', { name: 'Personvernerklæring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personvernerklæring' }).waitFor();
    await check(page, '11-privacy-notice');
    await page.context().close();
  });
});

describe('pages as the director', () => {
  let page;
  before(async () => {
    page = await newPage(browser);
    await login(page, 'direktor');
  });
  after(async () => {
    await page.context().close();
  });

  test('home (Oversikt)', async () => {
    await check(page, '02-home');
  });

  test('organisation: municipalities', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Organisasjon' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kommuner' }).waitFor();
    await check(page, '03-organisation');
  });

  test('organisation: one municipality', async () => {
    await page.getByRole('table').getByRole('link', { name: 'Kongsvinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kongsvinger' }).waitFor();
    await check(page, '03b-municipality');
  });

  test('organisation: councils', async () => {
    await page.goto('/organisasjon/rad');
    await page.getByRole('heading', { level: 1, name: 'Råd' }).waitFor();
    await check(page, '04-councils');
  });

  test('organisation: contact directory', async () => {
    await page.goto('/organisasjon/kontakter');
    await page.getByRole('heading', { level: 1, name: 'Kontakter' }).waitFor();
    await check(page, '05-contacts');
  });

  test('roles', async () => {
    await page.goto('/roller');
    await page.getByRole('heading', { level: 1, name: 'Roller' }).waitFor();
    await check(page, '06-roles');
  });

  test('roles: appoint form', async () => {
    await page.goto('/roller/utnevn?rolle=product_manager');
    await page.getByRole('heading', { level: 1, name: 'Utnevn til rolle' }).waitFor();
    await check(page, '06b-appoint');
  });

  test('roles: history', async () => {
    await page.goto('/roller/historikk');
    await page.getByRole('heading', { level: 1, name: 'Rollehistorikk' }).waitFor();
    await check(page, '06c-role-history');
  });

  test('audit log', async () => {
    await page.goto('/revisjonslogg');
    await page.getByRole('heading', { level: 1, name: 'Revisjonslogg' }).waitFor();
    await settled(page);
    // Open the first entry's before/after, so axe checks that too.
    const details = page.getByText('Vis før og etter').first();
    if (await details.count()) {
      await details.click();
      await page.waitForTimeout(400); // let the disclosure finish opening
    }
    await check(page, '08-audit');
  });
});

describe('pages as the administrator', () => {
  test('users', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Brukere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await check(page, '07-users');
    await page.context().close();
  });
});

describe('Mine filer (empty, as the director)', () => {
  test('my files with the upload component', async () => {
    const page = await newPage(browser);
    await login(page, 'direktor');
    await page.goto('/mine-filer');
    await page.getByRole('heading', { level: 1, name: 'Mine filer' }).waitFor();
    await page.getByLabel('Velg filer').waitFor();
    await check(page, '21-my-files-empty');
    await page.context().close();
  });
});

describe('pages as the auditor', () => {
  test('permissions (Tilganger), in Norwegian and English', async () => {
    const page = await newPage(browser);
    await login(page, 'revisor');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tilganger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilganger' }).waitFor();
    await page.getByRole('table', { name: 'Tilganger per rolle' }).waitFor();
    await check(page, '13-permissions');
    await page.getByRole('button', { name: 'Change language to English' }).click();
    await page.getByRole('table', { name: 'Permissions by role' }).waitFor();
    await check(page, '13b-permissions-english');
    await page.context().close();
  });

  test('permissions on a narrow screen (the table scrolls sideways, the permission column stays)', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'revisor');
    await page.goto('/tilganger');
    await page.getByRole('table', { name: 'Tilganger per rolle' }).waitFor();
    await check(page, '13c-permissions-narrow');
    await page.context().close();
  });
});

describe('English', () => {
  test('home in English has lang="en"', async () => {
    const page = await newPage(browser, { lang: 'en' });
    await page.goto('/logg-inn');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByLabel('Username').fill('direktor');
    await page.getByLabel('Password', { exact: true }).fill(process.env.SAMKJOP_E2E_PASSWORD ?? 'Samkjop-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await check(page, '12-home-english');
    await page.context().close();
  });
});

describe('Regelverk (the legal table and the calculators)', () => {
  test('an employee uses «Hvilke regler gjelder» and the deadline calculator; the history opens', async () => {
    const page = await newPage(browser);
    await login(page, 'ansatt');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Regelverk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regelverk' }).waitFor();
    await page.getByRole('table', { name: /Verdier i regeltabellen som gjelder/ }).waitFor();
    await check(page, '20-rules');
    // No admin form for an employee.
    assert.equal(await page.getByRole('heading', { name: 'Legg inn eller rett en verdi' }).count(), 0);

    await page.getByLabel('Anslått verdi i kroner').fill('1 500 000');
    await page.getByLabel('Hva kjøpes?').selectOption('goods');
    await page.getByLabel('Dato', { exact: true }).fill('02.06.2025');
    await page.getByRole('button', { name: 'Vis reglene' }).click();
    await page.getByRole('heading', { level: 3, name: 'Del I og del II (nasjonal)' }).waitFor();
    await page.getByRole('table', { name: 'Begrunnelse' }).getByText('FOA § 5-1').first().waitFor();
    await check(page, '20b-rules-assessed');

    await page.getByLabel('Hendelsens dato').fill('07.05.2026');
    await page.getByLabel('Antall kalenderdager').fill('10');
    await page.getByRole('button', { name: 'Beregn fristen' }).click();
    await page.getByText('Fristen løper ut ved slutten av 18.05.2026.').waitFor();

    await page.getByText('Historikk: alle verdier, også rettede').click();
    await page.getByRole('table', { name: 'Alle rader i regeltabellen' }).waitFor();
    await check(page, '20c-rules-history');
    await page.context().close();
  });

  test('the administrator sees the form to enter or correct a value', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.goto('/regelverk');
    await page.getByRole('heading', { level: 2, name: 'Legg inn eller rett en verdi' }).waitFor();
    await page.getByRole('button', { name: 'Lagre verdien' }).click();
    await page.getByText('For å gå videre må du rette opp følgende feil:').waitFor();
    await check(page, '20d-rules-admin-form');
    await page.context().close();
  });
});

describe('notifications', () => {
  test('the list page «Varsler» with the bell and the e-mail settings', async () => {
    const page = await newPage(browser);
    await login(page, 'stab');
    await page.getByRole('link', { name: /^Varsler, \d+ uleste$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    await page.getByRole('list', { name: 'Dine varsler' }).waitFor();
    await page.getByRole('combobox', { name: 'E-post for «Endring i regelverket»' }).waitFor();
    await check(page, '14-notifications');
    await page.context().close();
  });
});

describe('jobs and outgoing mail (Jobber)', () => {
  test('the administrator runs a job and queues a test mail; the page stays axe-clean', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Jobber' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobber' }).waitFor();
    await page.getByRole('table', { name: 'Planlagte jobber' }).waitFor();
    await page.getByRole('button', { name: 'Kjør core.purge_sessions nå' }).click();
    await page.getByText(/er kjørt\./).waitFor();
    await page.getByLabel('Mottakerens e-postadresse').fill('kari@example.no');
    await page.getByRole('button', { name: 'Legg i utboksen' }).click();
    await page.getByText('Test-e-posten til kari@example.no ligger i utboksen.').waitFor();
    await page.getByRole('table', { name: 'Utgående e-post' }).getByText('kari@example.no').waitFor();
    await check(page, '20-jobs');
    await page.getByText('Vis kjøringer').first().click();
    await check(page, '20b-jobs-runs');
    await page.context().close();
  });

  test('the auditor reads jobs and the outbox but may not run or send', async () => {
    const page = await newPage(browser);
    await login(page, 'revisor');
    await page.goto('/jobber');
    await page.getByRole('table', { name: 'Planlagte jobber' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Kjør .* nå$/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Legg i utboksen' }).count(), 0);
    await check(page, '20c-jobs-auditor');
    await page.context().close();
  });
});
