// Jobs: the list (admin and auditor; an officer denied), a run by hand (admin only, audited,
// recorded with its outcome), unknown jobs, the command line (jobs list, jobs run), the
// pinned today that keeps the scheduler from firing, and the lease: two `jobs run` processes
// and a request at the same time on one database (SQLite or PostgreSQL, whichever the suite
// runs on) never run the same job at once.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { serverForFile, as, isProblem, binary, freePort, TODAY } from '../harness.mjs';
import { startSmtp } from './smtp.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

const env = { ...process.env, SAMKJOP_DB: '', SAMKJOP_SMTP_URL: '', SAMKJOP_MAIL_FROM: '' };
const cli = (args) => spawnSync(binary, [...args, '--db', server.db, '--data', server.data], { encoding: 'utf8', env });
function cliAsync(args) {
  return new Promise((resolve) => {
    const p = spawn(binary, [...args, '--db', server.db, '--data', server.data], { env });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('exit', (code) => resolve({ code, out }));
  });
}

describe('jobs', () => {
  test('with today pinned the scheduler never fires on its own', async () => {
    await new Promise((r) => setTimeout(r, 1500));
    const jobs = await (await as(server, 'admin')).get('/api/jobs');
    for (const j of jobs.data.items) assert.deepEqual(j.last_runs, [], `${j.name} ran by itself`);
    assert.match(server.log(), /scheduler does not run/);
  });

  test('the list: admin and auditor read it, an officer is denied', async () => {
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).get('/api/jobs'), 403, 'auth.missing_permission');
    isProblem(assert, await (await as(server, 'direktor')).get('/api/jobs'), 403);
    for (const who of ['admin', 'revisor']) {
      const r = await (await as(server, who)).get('/api/jobs');
      assert.equal(r.status, 200);
      const names = r.data.items.map((j) => j.name);
      assert.ok(names.includes('core.purge_sessions') && names.includes('core.send_mail'), names.join());
      const purge = r.data.items.find((j) => j.name === 'core.purge_sessions');
      assert.deepEqual(purge.schedule, { kind: 'every', hour: 3, minute: 0, every_seconds: 3600, text: 'every 3600s' });
      assert.ok(purge.description_nb && purge.description_en);
    }
  });

  test('run by hand: admin only, recorded, audited; unknown job 404', async () => {
    const admin = await as(server, 'admin');
    isProblem(assert, await (await as(server, 'revisor')).post('/api/jobs/core.purge_sessions/run'), 403, 'auth.missing_permission');
    isProblem(assert, await admin.post('/api/jobs/core.nope/run'), 404, 'jobs.not_found', 'name');
    isProblem(assert, await admin.post('/api/jobs/..%2F..%2Fx/run'), 404);
    const r = await admin.post('/api/jobs/core.purge_sessions/run');
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data.outcome, 'ok');
    assert.equal(r.data.trigger, 'manual');
    assert.equal(r.data.triggered_by, 'admin');
    assert.equal(r.data.today, TODAY);
    assert.ok(r.data.ended_at >= r.data.started_at);
    const list = await admin.get('/api/jobs');
    const purge = list.data.items.find((j) => j.name === 'core.purge_sessions');
    assert.equal(purge.last_runs[0].id, r.data.id);
    assert.equal(purge.running, false);
    const audit = await admin.get('/api/audit?entity=core.job&entity_id=core.purge_sessions');
    assert.ok(audit.data.items.some((e) => e.action === 'run' && e.after.run_id === r.data.id && e.username === 'admin'));
    // Sessions still signed in survive the purge.
    assert.equal((await admin.get('/api/auth/me')).status, 200);
  });

  test('the command line: jobs list and jobs run', async () => {
    const list = cli(['jobs', 'list']);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /core\.purge_sessions\tevery 3600s/);
    assert.match(list.stdout, /core\.send_mail\tevery 60s/);
    const run = cli(['jobs', 'run', 'core.purge_sessions', '--today', TODAY]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /core\.purge_sessions: ok/);
    const none = cli(['jobs', 'run', 'core.nope']);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /Fant ingen jobb/);
    const bad = cli(['jobs', 'run', 'core.purge_sessions', '--today', '2027-13-01']);
    assert.equal(bad.status, 2);
    const jobs = await (await as(server, 'admin')).get('/api/jobs');
    const purge = jobs.data.items.find((j) => j.name === 'core.purge_sessions');
    assert.equal(purge.last_runs[0].trigger, 'cli');
  });

  test('two processes and a request at once never run the same job twice', async () => {
    // A slow SMTP server holds core.send_mail open for 3 s while it sends one mail.
    const port = await freePort();
    const smtp = await startSmtp(port, { delay: 3 });
    try {
      assert.equal(cli(['mail', 'send-test', '--to', 'en.gang@example.no']).status, 0);
      const args = ['jobs', 'run', 'core.send_mail', '--smtp-url', `smtp://127.0.0.1:${port}`, '--mail-from', 'noreply@riik.no'];
      const runs = [cliAsync(args), cliAsync(args), cliAsync(args)];
      const admin = await as(server, 'admin');
      // Wait until one of them holds the lease, then a request is refused too.
      let running = false;
      for (let i = 0; i < 100 && !running; i++) {
        running = (await admin.get('/api/jobs')).data.items.find((j) => j.name === 'core.send_mail').running;
        if (!running) await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(running, 'a jobs run process holds the lease');
      isProblem(assert, await admin.post('/api/jobs/core.send_mail/run'), 409, 'jobs.running', 'name');
      const done = await Promise.all(runs);
      const ok = done.filter((d) => d.code === 0);
      const refused = done.filter((d) => d.code !== 0);
      assert.equal(ok.length, 1, done.map((d) => d.out).join('\n'));
      assert.equal(refused.length, 2);
      for (const d of refused) assert.match(d.out, /kjører allerede/);
      const got = smtp.messages().filter((m) => m.rcpt_tos.includes('en.gang@example.no'));
      assert.equal(got.length, 1, 'sent exactly once');
      // The lease is released: the next run takes it.
      const again = cli(args);
      assert.equal(again.status, 0, again.stderr);
    } finally {
      await smtp.stop();
    }
  });
});
