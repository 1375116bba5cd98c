// «Mine filer»: upload through the shared upload component (a real XMLHttpRequest with upload
// progress events), see the progress bar reach 100 %, see the file listed, download it and get
// the same bytes; a legacy .doc is refused with its Norwegian error; axe clean with both.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { axe, launch, login, newPage, screenshot, settled } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('upload with a progress bar to 100 %, listed, downloaded with the same bytes; a .doc refused', async () => {
  const page = await newPage(browser);
  await login(page, 'ansatt');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine filer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine filer' }).waitFor();
  await settled(page);

  // Large enough for several progress events.
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024)]);
  const name = `Kontrakt møbler ${Date.now()}.pdf`;
  // Record every value the bar shows while the upload runs.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.target.matches?.('progress')) window.__progress.push(Number(r.target.getAttribute('aria-valuenow')));
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await page.getByLabel('Velg filer').setInputFiles([
    { name, mimeType: 'application/pdf', buffer: bytes },
    { name: 'gammel.doc', mimeType: 'application/msword', buffer: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(1024)]) },
  ]);
  const bar = page.getByRole('progressbar', { name: `Opplasting av ${name}` });
  await page.getByText('Lastet opp (100 %)').waitFor();
  assert.equal(await bar.getAttribute('aria-valuenow'), '100');
  assert.equal(await bar.evaluate((el) => el.value), 100);
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(seen.includes(100), `the bar reached 100: ${seen}`);
  await page.getByText(/Eldre Office-formater \(\.doc, \.xls, \.ppt\) godtas ikke/).waitFor();

  // Listed, with a download link that gives the same bytes.
  const link = page.getByRole('link', { name: `Last ned ${name}` });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), name);
  const got = await readFile(await download.path());
  assert.ok(Buffer.compare(got, bytes) === 0, 'the downloaded bytes differ from the uploaded');

  await settled(page);
  await screenshot(page, '20-my-files');
  const violations = await axe(page, 'my-files');
  assert.deepEqual(violations, [], `axe found serious/critical violations:\n${violations.join('\n')}`);
  assert.deepEqual(page.errors, [], 'errors in the browser');
  await page.context().close();
});
