// Issue 8, defect 13: a disabled account answered the right password with account_disabled
// and a wrong one with invalid_credentials — an oracle telling an attacker the password is
// right. Both now get the same 401 auth.invalid_credentials; the admin sees the reason in the
// user list (active: false) and in the audit log (the refused login, with its reason).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isProblem, PASSWORD, as } from '../harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('a disabled account answers the right and a wrong password alike; the admin sees why', async () => {
  const admin = await as(server, 'admin');
  const user = (await admin.get('/api/users')).data.items.find((u) => u.username === 'produkt.kongsvinger');
  assert.equal((await admin.post(`/api/users/${user.id}/deactivate`)).data.active, false);

  const right = await new Client(server).login('produkt.kongsvinger', PASSWORD);
  const wrong = await new Client(server).login('produkt.kongsvinger', 'wrong-password');
  const unknown = await new Client(server).login('ingen.slik.bruker', 'wrong-password');
  isProblem(assert, right, 401, 'auth.invalid_credentials');
  for (const other of [wrong, unknown]) {
    assert.equal(other.status, right.status);
    assert.deepEqual(other.data, right.data, 'the same body, word for word');
    assert.equal(other.headers.get('content-type'), right.headers.get('content-type'));
  }

  // The user list says the account is deactivated...
  const listed = (await admin.get('/api/users')).data.items.find((u) => u.username === 'produkt.kongsvinger');
  assert.equal(listed.active, false);
  // ...and the audit log has the refused login with its reason (only the right password's).
  const audit = await admin.get(`/api/audit?entity=auth.user&entity_id=${user.id}`);
  const refused = audit.data.items.filter((e) => e.action === 'login_refused');
  assert.equal(refused.length, 1, JSON.stringify(audit.data.items));
  assert.equal(refused[0].username, 'produkt.kongsvinger');
  assert.equal(refused[0].after.reason, 'account_disabled');
  assert.ok(audit.data.items.some((e) => e.action === 'deactivate' && e.username === 'admin'));
});

test('activated again, the account signs in', async () => {
  const admin = await as(server, 'admin');
  const user = (await admin.get('/api/users')).data.items.find((u) => u.username === 'produkt.kongsvinger');
  await admin.post(`/api/users/${user.id}/activate`);
  // Two failures were counted (limit 3 here); the right password now gets in and resets them.
  assert.equal((await new Client(server).login('produkt.kongsvinger')).status, 200);
});
