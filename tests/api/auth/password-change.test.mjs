// Issue 8, defect 7: /api/auth/password never throttled a wrong current_password, so a stolen
// session could guess at 22 tries/s. It is now throttled like login, per account (the same
// count as login: both guess the same password). The suite's account limit is 3, its first
// lock 60 s.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isProblem, PASSWORD, as } from '../harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('wrong current passwords lock the account: 429 with Retry-After, even for the right one', async () => {
  const c = await as(server, 'stab');
  for (let i = 0; i < 3; i++)
    isProblem(assert, await c.post('/api/auth/password', { current_password: `gjetning-${i}`, new_password: 'et helt nytt langt passord' }), 400, 'auth.wrong_password', 'current_password');
  const locked = await c.post('/api/auth/password', { current_password: PASSWORD, new_password: 'et helt nytt langt passord' });
  isProblem(assert, locked, 429, 'auth.throttled', 'current_password');
  assert.equal(locked.headers.get('retry-after'), '60');
  isProblem(assert, await new Client(server).login('stab'), 429, 'auth.throttled');
  // The session itself keeps working, and nothing was changed.
  assert.equal((await c.get('/api/auth/me')).status, 200);
  const admin = await as(server, 'admin');
  const stab = (await admin.get('/api/users')).data.items.find((u) => u.username === 'stab');
  assert.equal(stab.locked, true);
  await admin.post(`/api/users/${stab.id}/unlock`);
  assert.equal((await new Client(server).login('stab')).status, 200, 'the old password still works');
});

test('a right current password resets the count', async () => {
  const c = await as(server, 'ansatt');
  for (let i = 0; i < 2; i++)
    isProblem(assert, await c.post('/api/auth/password', { current_password: 'wrong-password', new_password: 'et helt nytt langt passord' }), 400, 'auth.wrong_password');
  assert.equal((await c.post('/api/auth/password', { current_password: PASSWORD, new_password: 'et helt nytt langt passord' })).status, 204);
  for (let i = 0; i < 2; i++)
    isProblem(assert, await c.post('/api/auth/password', { current_password: 'wrong-password', new_password: PASSWORD }), 400, 'auth.wrong_password');
  assert.equal((await c.post('/api/auth/password', { current_password: 'et helt nytt langt passord', new_password: PASSWORD })).status, 204);
});
