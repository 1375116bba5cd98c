// Issue 9, item 3: the bell in the header shows the unread count of the demo notifications; the
// list page «Varsler» confirms a rule change («Jeg har lest dette»), marks all read, and the bell
// goes to none; the e-mail setting per kind is saved.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, newPage, screenshot, settled } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('bell count, confirm, mark all read, e-mail setting', async () => {
  const page = await newPage(browser);
  await login(page, 'produkt.kongsvinger');
  // The demo gives every account two unread notifications.
  const bell = page.getByRole('link', { name: 'Varsler, 2 uleste' });
  await bell.waitFor();
  assert.equal(await bell.locator('.ds-badge').getAttribute('data-count'), '2', 'the badge shows the count');
  await bell.click();
  await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
  const items = page.getByRole('list', { name: 'Dine varsler' }).getByRole('listitem');
  assert.equal(await items.count(), 3);
  assert.equal(await items.nth(0).getByRole('heading').textContent(), 'Innkjøpsrådet møtes neste uke', 'newest first');

  const rule = items.filter({ hasText: 'Nye terskelverdier' });
  await rule.getByRole('button', { name: /^Jeg har lest dette/ }).click();
  await rule.getByText(/^Bekreftet \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d$/).waitFor();
  await page.getByRole('link', { name: 'Varsler, 1 uleste' }).waitFor();

  await page.getByRole('button', { name: 'Merk alle som lest' }).click();
  await page.getByText('Alle varslene er merket som lest.').waitFor();
  await page.getByRole('link', { name: 'Varsler, ingen uleste' }).waitFor();
  await page.getByRole('checkbox', { name: 'Vis bare uleste' }).check();
  await page.getByText('Du har ingen uleste varsler.').waitFor();

  await page.getByRole('combobox', { name: 'E-post for «Melding»' }).selectOption('digest');
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await page.getByText('Innstillingene er lagret.').waitFor();
  await page.reload();
  await settled(page);
  assert.equal(await page.getByRole('combobox', { name: 'E-post for «Melding»' }).inputValue(), 'digest');
  await screenshot(page, '14b-notifications-done');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
