// Issue #2 scenario: the director signs in, appoints a product manager, finds the
// appointment in the audit log, and signs out. Issue 7: the auditor reads the grant table.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, logout, newPage, screenshot, settled } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('skip link moves keyboard focus to the main content', async () => {
  const page = await newPage(browser);
  await page.goto('/logg-inn');
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the first Tab reaches the skip link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.context().close();
});

test('wrong password shows the server\'s message', async () => {
  const page = await newPage(browser);
  await page.goto('/logg-inn');
  await page.getByLabel('Brukernavn').fill('direktor');
  await page.getByLabel('Passord', { exact: true }).fill('feil-passord-123');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Innloggingen mislyktes' });
  await alert.waitFor();
  await screenshot(page, '01-login-wrong-password');
  await page.context().close();
});

test('in English, a wrong password shows the English message for the server\'s code', async () => {
  const page = await newPage(browser, { lang: 'en' });
  await page.goto('/logg-inn');
  await page.getByLabel('Username').fill('direktor');
  await page.getByLabel('Password', { exact: true }).fill('feil-passord-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /Wrong username or password\./);
  assert.doesNotMatch((await alert.textContent()) ?? '', /Feil brukernavn/);
  await screenshot(page, '01b-login-wrong-password-english');
  await page.context().close();
});

test('director appoints a product manager, finds it in the audit log, and logs out', async () => {
  const page = await newPage(browser);

  // Sign in.
  await login(page, 'direktor');
  await settled(page);

  // Roles → «Utnevn produktansvarlig».
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Roller' }).click();
  await page.getByRole('heading', { level: 1, name: 'Roller' }).waitFor();
  await page.getByRole('link', { name: 'Utnevn produktansvarlig' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utnevn til rolle' }).waitFor();
  await settled(page);

  await page.getByLabel('Kommune').selectOption({ label: 'Kongsvinger' });
  // A product area that nobody manages yet in Kongsvinger, if there is one: take the last.
  const areaSelect = page.getByLabel('Produktområde');
  const areas = await areaSelect.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent })).filter((o) => o.value));
  assert.ok(areas.length > 0, 'there are product areas to choose from');
  const area = areas[areas.length - 1];
  await areaSelect.selectOption(area.value);
  // Someone from Kongsvinger (the first option group).
  const personSelect = page.getByLabel('Person');
  const person = await personSelect.locator('optgroup').first().locator('option').first().evaluate((o) => ({ value: o.value, label: o.textContent }));
  await personSelect.selectOption(person.value);
  const personName = person.label.split(' – ')[0];
  await screenshot(page, '20-scenario-appoint-filled');
  await page.getByRole('button', { name: 'Utnevn produktansvarlig' }).click();

  // Back on Roles with a confirmation, and the appointment in the product manager table.
  await page.getByRole('heading', { level: 1, name: 'Roller' }).waitFor();
  const confirmation = page.getByRole('status').filter({ hasText: `${personName} er utnevnt som produktansvarlig` });
  await confirmation.waitFor();
  const pmTable = page.getByRole('table', { name: 'Produktansvarlige' });
  await pmTable.getByRole('row').filter({ hasText: personName }).filter({ hasText: area.label }).first().waitFor();
  await settled(page);
  await screenshot(page, '21-scenario-appointed');

  // Audit log: filter on the director's own changes; the newest entry is the appointment.
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Revisjonslogg' }).click();
  await page.getByRole('heading', { level: 1, name: 'Revisjonslogg' }).waitFor();
  await page.getByLabel('Bruker').fill('direktor');
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await settled(page);
  const table = page.getByRole('table', { name: 'Revisjonslogg' });
  const row = table.getByRole('row').filter({ hasText: 'direktor' }).filter({ hasText: 'product_manager' }).first();
  // The JSON is inside a closed disclosure: open the first entry's.
  const firstRow = table.locator('tbody tr').first();
  await firstRow.getByText('Vis før og etter').click();
  const after = await firstRow.locator('pre').last().textContent();
  assert.match(after ?? '', /product_manager/, 'the newest audit entry is the product manager appointment');
  assert.match(after ?? '', new RegExp(area.value), 'with the chosen product area');
  await row.waitFor();
  await page.waitForTimeout(400); // let the disclosure finish opening
  await screenshot(page, '22-scenario-audit');

  // The export links carry the same filter.
  const exports = page.getByRole('group', { name: 'Eksporter:' });
  const href = await exports.getByRole('link', { name: 'Excel (.xlsx)' }).getAttribute('href');
  assert.match(href ?? '', /^\/api\/audit\?user=direktor.*&format=xlsx$/);
  const csv = await exports.getByRole('link', { name: 'CSV (.csv)' }).getAttribute('href');
  assert.match(csv ?? '', /^\/api\/audit\?user=direktor.*&format=csv$/);

  // Sign out.
  await logout(page);
  await page.getByText('Du er logget ut.').waitFor();
  // The session is gone: a protected page sends us to the login page.
  await page.goto('/roller');
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  assert.match(page.url(), /\/logg-inn\?neste=%2Froller$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the auditor opens Tilganger and sees that an officer writes people in their own municipality', async () => {
  const page = await newPage(browser);
  await login(page, 'revisor');
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  // The auditor reads; the menu offers no user administration.
  assert.equal(await nav.getByRole('link', { name: 'Brukere' }).count(), 0);
  await nav.getByRole('link', { name: 'Tilganger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tilganger' }).waitFor();
  const table = page.getByRole('table', { name: 'Tilganger per rolle' });
  await table.waitFor();
  await settled(page);

  const headers = await table.getByRole('columnheader').allTextContents();
  const officer = headers.indexOf('Innkjøpsansvarlig');
  const signedIn = headers.indexOf('Alle innloggede');
  assert.ok(officer > 0 && signedIn > 0, `columns: ${headers.join(', ')}`);
  // The row of org.people.write (not org.people.write_central).
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /org\.people\.write(?:\s|$)/ }) });
  assert.equal(await row.count(), 1);
  assert.equal((await row.getByRole('cell').nth(officer - 1).textContent())?.trim(), 'Egen kommune');
  // And every signed-in user has their own session.
  const own = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /core\.session\.own/ }) });
  assert.equal((await own.getByRole('cell').nth(signedIn - 1).textContent())?.trim(), 'Egne data');
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, '23-scenario-permissions');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
