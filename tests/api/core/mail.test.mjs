// E-mail against a real SMTP server (aiosmtpd, started here): the outbox and the test mail
// (admin may send, the auditor may only read, an officer neither), what arrives (envelope,
// headers, UTF-8 Norwegian text, the stored Message-ID), no header injection from a name or
// subject holding CR/LF, and an SMTP server that is down: the mail stays pending with its
// attempts and error shown, and is delivered once the server is back.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverForFile, as, isProblem, binary, freePort } from '../harness.mjs';
import { startSmtp } from './smtp.mjs';

const smtpPort = await freePort();
const FROM = 'noreply@riik.no';
let server, smtp;
before(async () => { smtp = await startSmtp(smtpPort); });
after(async () => { await smtp?.stop(); });
serverForFile({
  set: (s) => { server = s; },
  args: ['--smtp-url', `smtp://127.0.0.1:${smtpPort}`, '--mail-from', FROM],
});

const cli = (args, env = {}) => spawnSync(binary, [...args, '--db', server.db, '--data', server.data],
  { encoding: 'utf8', env: { ...process.env, SAMKJOP_DB: '', SAMKJOP_SMTP_URL: '', SAMKJOP_MAIL_FROM: '', ...env } });

async function waitFor(fn, what) {
  for (let i = 0; i < 100; i++) {
    const v = fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('mail', () => {
  test('test mail and outbox: admin sends, auditor reads, officer denied; bad input named', async () => {
    const admin = await as(server, 'admin');
    const officer = await as(server, 'innkjop.kongsvinger');
    const auditor = await as(server, 'revisor');
    isProblem(assert, await officer.post('/api/mail/test', { to: 'a@b.no' }), 403, 'auth.missing_permission');
    isProblem(assert, await auditor.post('/api/mail/test', { to: 'a@b.no' }), 403, 'auth.missing_permission');
    isProblem(assert, await officer.get('/api/mail/outbox'), 403);
    isProblem(assert, await admin.post('/api/mail/test', { to: 'ikke-en-adresse' }), 400, 'mail.invalid_recipient', 'to');
    isProblem(assert, await admin.post('/api/mail/test', {}), 400, 'mail.invalid_body', 'to');
    isProblem(assert, await admin.post('/api/mail/test', { to: 'a@b.no', name: 'Kari\r\nBcc: x@y.no' }), 400, 'mail.invalid_body', 'name');
    isProblem(assert, await admin.get('/api/mail/outbox?state=lost'), 400, 'mail.invalid_filter', 'state');
    const r = await admin.post('/api/mail/test', { to: 'kari.grue@grue.kommune.no', name: 'Kari Grue Åsen' });
    assert.equal(r.status, 202, JSON.stringify(r.data));
    assert.equal(r.data.state, 'pending');
    assert.equal(r.data.attempts, 0);
    assert.deepEqual(r.data.to, [{ email: 'kari.grue@grue.kommune.no', name: 'Kari Grue Åsen' }]);
    const list = await auditor.get('/api/mail/outbox?state=pending');
    assert.equal(list.status, 200);
    assert.ok(list.data.items.some((m) => m.id === r.data.id));
    const audit = await admin.get('/api/audit?entity=core.mail');
    assert.ok(audit.data.items.some((e) => e.action === 'send_test' && e.entity_id === String(r.data.id) && e.username === 'admin'));
  });

  test('the job sends it: envelope, headers, UTF-8 text and the stored Message-ID arrive', async () => {
    const admin = await as(server, 'admin');
    const before = smtp.messages().length;
    const queued = await admin.post('/api/mail/test', { to: 'ola@example.no', name: 'Ola Østby' });
    const run = await admin.post('/api/jobs/core.send_mail/run');
    assert.equal(run.status, 200, JSON.stringify(run.data));
    assert.equal(run.data.outcome, 'ok', run.data.error);
    const got = smtp.messages().slice(before);
    const m = got.find((x) => x.rcpt_tos.includes('ola@example.no'));
    assert.ok(m, 'the mail arrived');
    assert.equal(m.mail_from, FROM);
    assert.deepEqual(m.rcpt_tos, ['ola@example.no']);
    assert.equal(m.headers.subject[0], 'Test-e-post fra Samkjøp');
    assert.equal(m.headers.to[0], 'Ola Østby <ola@example.no>');
    assert.equal(m.headers.from[0], `Samkjøp <${FROM}>`);
    assert.equal(m.headers['content-type'][0], 'text/plain; charset=utf-8');
    assert.match(m.headers.date[0], /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    assert.match(m.text, /kommer den fram med æ, ø og å/i);
    assert.equal(m.headers['message-id'][0], queued.data.message_id);
    const out = await admin.get('/api/mail/outbox?state=sent&page_size=500');
    const row = out.data.items.find((x) => x.id === queued.data.id);
    assert.equal(row.state, 'sent');
    assert.equal(row.attempts, 1);
    assert.ok(row.sent_at);
    assert.equal(row.last_error, null);
  });

  test('a name or subject holding CR/LF adds no header and no recipient', async () => {
    const before = smtp.messages().length;
    const q = cli(['mail', 'send-test', '--to', 'per@example.no', '--name', 'Per\r\nBcc: evil@example.com',
      '--subject', 'Hei\r\nBcc: evil@example.com\r\nX-Injected: ja']);
    assert.equal(q.status, 0, q.stderr);
    const admin = await as(server, 'admin');
    assert.equal((await admin.post('/api/jobs/core.send_mail/run')).data.outcome, 'ok');
    const m = smtp.messages().slice(before).find((x) => x.rcpt_tos.includes('per@example.no'));
    assert.ok(m);
    assert.deepEqual(m.rcpt_tos, ['per@example.no']);
    assert.equal(m.headers.bcc, undefined);
    assert.equal(m.headers['x-injected'], undefined);
    assert.deepEqual(Object.keys(m.headers).sort(),
      ['content-transfer-encoding', 'content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to']);
    assert.equal(m.headers.to[0], '"Per Bcc: evil@example.com" <per@example.no>');
    assert.equal(m.headers.subject[0], 'Hei Bcc: evil@example.com X-Injected: ja');
    assert.ok(m.headerLines.every((l) => /^([A-Za-z-]+: |[ \t])/.test(l)), m.headerLines.join('\n'));
  });

  test('SMTP down: the mail stays pending with attempts and error shown, then is delivered', async () => {
    const admin = await as(server, 'admin');
    await smtp.stop({ keep: true });
    const dir = smtp.dir;
    const q = await admin.post('/api/mail/test', { to: 'nede@example.no' });
    const run = await admin.post('/api/jobs/core.send_mail/run');
    assert.equal(run.status, 200);
    assert.equal(run.data.outcome, 'failed');
    assert.match(run.data.error, /mail\.send_failed/);
    let row = (await admin.get('/api/mail/outbox?state=pending')).data.items.find((x) => x.id === q.data.id);
    assert.equal(row.state, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error, /connect|Couldn't|refused/i);
    assert.ok(row.next_attempt_at);
    const jobs = await admin.get('/api/jobs');
    const job = jobs.data.items.find((j) => j.name === 'core.send_mail');
    assert.equal(job.last_runs[0].outcome, 'failed');
    // The server comes back on the same port: the next run delivers it (a run by hand does not
    // wait for the backoff).
    smtp = await startSmtp(smtpPort, { dir });
    const before = smtp.messages().length;
    assert.equal((await admin.post('/api/jobs/core.send_mail/run')).data.outcome, 'ok');
    const m = await waitFor(() => smtp.messages().slice(before).find((x) => x.rcpt_tos.includes('nede@example.no')), 'the delivery');
    assert.equal(m.headers['message-id'][0], q.data.message_id);
    row = (await admin.get('/api/mail/outbox?state=sent&page_size=500')).data.items.find((x) => x.id === q.data.id);
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, null);
  });

  test('a server that refuses the recipient: the refusal is shown, the mail kept', async () => {
    const admin = await as(server, 'admin');
    await smtp.stop();
    smtp = await startSmtp(smtpPort, { refuse: true });
    const q = await admin.post('/api/mail/test', { to: 'finnes.ikke@example.no' });
    const run = await admin.post('/api/jobs/core.send_mail/run');
    assert.equal(run.data.outcome, 'failed');
    const row = (await admin.get('/api/mail/outbox?state=pending')).data.items.find((x) => x.id === q.data.id);
    assert.equal(row.attempts, 1);
    assert.match(row.last_error, /550|RCPT|rejected|failed/i);
    assert.equal(smtp.messages().length, 0);
    await smtp.stop();
    smtp = await startSmtp(smtpPort);
    assert.equal((await admin.post('/api/jobs/core.send_mail/run')).data.outcome, 'ok');
    assert.ok(smtp.messages().some((x) => x.rcpt_tos.includes('finnes.ikke@example.no')));
  });

  test('without --smtp-url mail stays in the outbox; a bad configuration refuses to start', async () => {
    const q = cli(['mail', 'send-test', '--to', 'venter@example.no']);
    assert.equal(q.status, 0, q.stderr);
    const run = cli(['jobs', 'run', 'core.send_mail']);
    assert.equal(run.status, 1);
    assert.match(run.stdout + run.stderr, /ikke satt opp/);
    const out = JSON.parse(cli(['mail', 'outbox', '--state', 'pending']).stdout);
    assert.ok(out.some((m) => m.to[0].email === 'venter@example.no' && m.attempts === 0));
    const badUrl = spawnSync(binary, ['serve', '--db', 'sqlite::memory:', '--smtp-url', 'http://x', '--mail-from', FROM], { encoding: 'utf8' });
    assert.equal(badUrl.status, 2);
    assert.match(badUrl.stderr, /--smtp-url/);
    const badFrom = cli(['jobs', 'run', 'core.send_mail', '--smtp-url', 'smtp://127.0.0.1:1']);
    assert.equal(badFrom.status, 2);
    assert.match(badFrom.stderr, /--mail-from/);
    const bad = cli(['mail', 'send-test', '--to', 'ikke en adresse']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /gyldig e-postadresse/);
  });
});
