// Notifications (core/notify): the caller's own list (newest first, paged, unread count and
// filter), mark read, mark all read, confirm (409 for kinds without it, idempotent), e-mail
// settings per kind with field-naming errors, and access: someone else's notification is 404,
// signed out is 401. Notifications are created through the hidden test route POST
// /api/test/notify (serve --test-gauges), as a module would with one Notify() call.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, Client, as, isProblem } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

async function notify(body) {
  const r = await new Client(server).post('/api/test/notify', body);
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data.ids;
}
const put = (c, path, json) => c.request('PUT', path, { json });

describe('core: notifications', () => {
  test('the demo accounts have notifications; the list is newest first with the unread count', async () => {
    const a = await as(server, 'ansatt');
    const r = await a.get('/api/notifications');
    assert.equal(r.status, 200);
    assert.equal(r.data.total, 3, 'demo: three per account');
    assert.equal(r.data.unread, 2);
    const ids = r.data.items.map((n) => n.id);
    assert.deepEqual(ids, [...ids].sort((x, y) => y - x), 'newest first');
    const rule = r.data.items.find((n) => n.kind === 'rules.change');
    assert.equal(rule.requires_confirmation, true);
    assert.equal(rule.kind_label_nb, 'Endring i regelverket');
    assert.equal(rule.confirmed_at, null);
  });

  test('signed out: 401 on every route', async () => {
    const anon = new Client(server);
    isProblem(assert, await anon.get('/api/notifications'), 401);
    isProblem(assert, await anon.post('/api/notifications/1/read'), 401);
    isProblem(assert, await anon.post('/api/notifications/1/confirm'), 401);
    isProblem(assert, await anon.post('/api/notifications/read-all'), 401);
    isProblem(assert, await anon.get('/api/notifications/settings'), 401);
    isProblem(assert, await put(anon, '/api/notifications/settings', { settings: [] }), 401);
  });

  test('paging, the unread filter and mark read; someone else\'s notification is 404', async () => {
    const ids = await notify({ username: 'stab', kind: 'core.message', title_nb: 'Sidevarsel', link: '/organisasjon', count: 30 });
    assert.equal(ids.length, 30);
    const s = await as(server, 'stab');
    const before = (await s.get('/api/notifications?page_size=1')).data;
    assert.equal(before.total, 33);
    assert.equal(before.unread, 32);
    assert.equal(before.page_size, 1);
    const p1 = (await s.get('/api/notifications?page=1&page_size=20')).data;
    const p2 = (await s.get('/api/notifications?page=2&page_size=20')).data;
    assert.equal(p1.items.length, 20);
    assert.equal(p2.items.length, 13);
    assert.equal(p1.items[0].id, ids[29], 'newest first');
    assert.equal(p1.items[0].title_nb, 'Sidevarsel 30');
    assert.equal(p1.items[0].link, '/organisasjon');
    assert.ok(p1.items.at(-1).id > p2.items[0].id);
    isProblem(assert, await s.get('/api/notifications?page=0'), 400, undefined, 'page');
    isProblem(assert, await s.get('/api/notifications?unread=maybe'), 400, 'notify.invalid_filter', 'unread');

    const read = await s.post(`/api/notifications/${ids[0]}/read`);
    assert.equal(read.status, 200);
    assert.ok(read.data.read_at);
    const again = await s.post(`/api/notifications/${ids[0]}/read`);
    assert.equal(again.data.read_at, read.data.read_at, 'keeps the first read time');
    const unread = (await s.get('/api/notifications?unread=true&page_size=500')).data;
    assert.equal(unread.total, 31);
    assert.equal(unread.unread, 31);
    assert.ok(unread.items.every((n) => n.read_at === null));
    assert.ok(!unread.items.some((n) => n.id === ids[0]));

    // Another user: not found, and their list does not hold it.
    const other = await as(server, 'ansatt');
    isProblem(assert, await other.post(`/api/notifications/${ids[1]}/read`), 404, 'notify.not_found');
    isProblem(assert, await other.post(`/api/notifications/${ids[1]}/confirm`), 404, 'notify.not_found');
    assert.ok(!(await other.get('/api/notifications?page_size=500')).data.items.some((n) => ids.includes(n.id)));
    assert.equal((await s.get('/api/notifications?page_size=1')).data.unread, 31, 'untouched by the other user');
    isProblem(assert, await s.post('/api/notifications/99999999/read'), 404);
    isProblem(assert, await s.post('/api/notifications/abc/read'), 400, 'http.invalid_id');
  });

  test('read-all marks only the caller\'s', async () => {
    await notify({ username: 'radmann', kind: 'core.message', title_nb: 'A', count: 2 });
    await notify({ username: 'raad', kind: 'core.message', title_nb: 'B' });
    const r = await as(server, 'radmann');
    const done = await r.post('/api/notifications/read-all');
    assert.equal(done.status, 200);
    assert.equal(done.data.marked, 4, 'two demo unread plus two new');
    assert.equal((await r.get('/api/notifications')).data.unread, 0);
    assert.equal((await r.post('/api/notifications/read-all')).data.marked, 0);
    const council = await as(server, 'raad');
    assert.equal((await council.get('/api/notifications')).data.unread, 3);
  });

  test('confirm: records the time once, audited; 409 for a kind without confirmation', async () => {
    const [rule] = await notify({ username: 'innkjop.kongsvinger', kind: 'rules.change', title_nb: 'Ny terskelverdi', title_en: 'New threshold', body: 'Linje 1\nLinje 2', link: '/' });
    const [msg] = await notify({ username: 'innkjop.kongsvinger', kind: 'core.message', title_nb: 'Melding' });
    const o = await as(server, 'innkjop.kongsvinger');
    const c = await o.post(`/api/notifications/${rule}/confirm`);
    assert.equal(c.status, 200);
    assert.ok(c.data.confirmed_at);
    assert.equal(c.data.read_at, c.data.confirmed_at);
    assert.equal(c.data.title_en, 'New threshold');
    assert.equal(c.data.body, 'Linje 1\nLinje 2');
    await new Promise((r) => setTimeout(r, 1100)); // a later second, so a second write would show
    const again = await o.post(`/api/notifications/${rule}/confirm`);
    assert.equal(again.status, 200);
    assert.equal(again.data.confirmed_at, c.data.confirmed_at, 'a second confirm keeps the first time');
    isProblem(assert, await o.post(`/api/notifications/${msg}/confirm`), 409, 'notify.confirmation_not_required');
    const audit = await (await as(server, 'admin')).get(`/api/audit?entity=notify.notification&entity_id=${rule}`);
    assert.equal(audit.data.total, 1, 'one audit entry for the confirmation');
    assert.equal(audit.data.items[0].action, 'confirm');
    assert.equal(audit.data.items[0].username, 'innkjop.kongsvinger');
    assert.ok(audit.data.items[0].after.confirmed_at);
  });

  test('settings: defaults per kind, a change is kept and audited, bad input names the field', async () => {
    const p = await as(server, 'produkt.kongsvinger');
    const s = await p.get('/api/notifications/settings');
    assert.equal(s.status, 200);
    const rule = s.data.items.find((x) => x.kind === 'rules.change');
    assert.deepEqual({ email: rule.email, default_email: rule.default_email, requires_confirmation: rule.requires_confirmation },
      { email: 'immediate', default_email: 'immediate', requires_confirmation: true });
    const changed = await put(p, '/api/notifications/settings', { settings: [{ kind: 'core.message', email: 'digest' }] });
    assert.equal(changed.status, 200, JSON.stringify(changed.data));
    assert.equal(changed.data.items.find((x) => x.kind === 'core.message').email, 'digest');
    assert.equal(changed.data.items.find((x) => x.kind === 'rules.change').email, 'immediate', 'unlisted kinds kept');
    assert.equal((await p.get('/api/notifications/settings')).data.items.find((x) => x.kind === 'core.message').email, 'digest');
    // Per user: another account still has the default.
    const other = await as(server, 'ansatt');
    assert.equal((await other.get('/api/notifications/settings')).data.items.find((x) => x.kind === 'core.message').email, 'off');
    const audit = await (await as(server, 'admin')).get('/api/audit?entity=notify.settings');
    assert.ok(audit.data.items.some((e) => e.username === 'produkt.kongsvinger' && e.after['core.message'] === 'digest' && e.before['core.message'] === 'off'));

    isProblem(assert, await put(p, '/api/notifications/settings', { settings: [{ kind: 'core.message', email: 'weekly' }] }), 400, 'notify.invalid_settings', 'settings[0].email');
    isProblem(assert, await put(p, '/api/notifications/settings', { settings: [{ kind: 'no.such_kind', email: 'off' }] }), 400, 'notify.invalid_settings', 'settings[0].kind');
    isProblem(assert, await put(p, '/api/notifications/settings', { settings: [{ kind: 'core.message', email: 'off' }, { kind: 'core.message', email: 'digest' }] }), 400, 'notify.invalid_settings', 'settings[1].kind');
    isProblem(assert, await put(p, '/api/notifications/settings', { settings: 'all' }), 400, 'notify.invalid_settings', 'settings');
    isProblem(assert, await put(p, '/api/notifications/settings', {}), 400, 'notify.invalid_settings', 'settings');
    isProblem(assert, await put(p, '/api/notifications/settings', { settings: [] }), 400, 'notify.invalid_settings', 'settings');
    isProblem(assert, await put(p, '/api/notifications/settings', { settings: [], extra: 1 }), 400, 'notify.invalid_settings', 'extra');
    isProblem(assert, await put(p, '/api/notifications/settings', { settings: [{ kind: 'core.message', email: 'off', x: 1 }] }), 400, 'notify.invalid_settings', 'settings[0].x');
    assert.equal((await p.get('/api/notifications/settings')).data.items.find((x) => x.kind === 'core.message').email, 'digest', 'a refused body changes nothing');
    // CSRF is required for the write.
    isProblem(assert, await p.request('PUT', '/api/notifications/settings', { json: { settings: [] }, csrf: false }), 403, 'auth.csrf');
  });

  test('the test route refuses bad notifications naming the field', async () => {
    const anon = new Client(server);
    isProblem(assert, await anon.post('/api/test/notify', { username: 'stab', kind: 'no.kind', title_nb: 'X' }), 400, 'notify.invalid_notification', 'kind');
    isProblem(assert, await anon.post('/api/test/notify', { username: 'stab', kind: 'core.message', title_nb: 'X', link: 'https://evil.example/' }), 400, 'notify.invalid_notification', 'link');
    isProblem(assert, await anon.post('/api/test/notify', { username: 'nobody', kind: 'core.message', title_nb: 'X' }), 400, 'notify.invalid_notification', 'username');
  });

  test('mail: immediate ones once, with the person record\'s address; the digest at digest time', async () => {
    const take = async (body = {}) => {
      const r = await new Client(server).post('/api/test/notify/take-mails', { base_url: 'https://samkjop.example.no/', ...body });
      assert.equal(r.status, 200, JSON.stringify(r.data));
      return r.data.mails;
    };
    const [rule] = await notify({ username: 'direktor', kind: 'rules.change', title_nb: 'Ny terskel', link: '/regelverk' });
    const [off] = await notify({ username: 'direktor', kind: 'core.message', title_nb: 'Bare i Samkjøp' });
    const admin = await as(server, 'admin');
    assert.equal((await put(admin, '/api/notifications/settings', { settings: [{ kind: 'core.message', email: 'digest' }] })).status, 200);
    const digestIds = await notify({ username: 'admin', kind: 'core.message', title_nb: 'Til sammendraget', link: '/organisasjon', count: 2 });
    const first = await take();
    const mine = first.filter((m) => m.notification_ids.includes(rule));
    assert.equal(mine.length, 1);
    assert.equal(mine[0].to_email, 'dagny.lund@kongsvinger.kommune.no');
    assert.equal(mine[0].to_name, 'Dagny Lund');
    assert.equal(mine[0].subject, 'Samkjøp: Ny terskel');
    assert.match(mine[0].text, /https:\/\/samkjop\.example\.no\/regelverk/);
    assert.ok(!first.some((m) => m.notification_ids.includes(off)), 'e-mail off by default for core.message');
    assert.ok(!first.some((m) => digestIds.some((id) => m.notification_ids.includes(id))), 'the digest waits');
    assert.ok(!(await take()).some((m) => m.notification_ids.includes(rule)), 'never mailed twice');
    const digest = (await take({ digest_time: true })).filter((m) => m.to_email === 'ada.systemsen@kongsvinger.kommune.no');
    assert.equal(digest.length, 1);
    assert.deepEqual(digest[0].notification_ids, digestIds);
    assert.equal(digest[0].subject, 'Samkjøp: 2 nye varsler 15.03.2027');
    assert.equal((await take({ digest_time: true })).filter((m) => m.to_email === 'ada.systemsen@kongsvinger.kommune.no').length, 0, 'one digest a day');
    isProblem(assert, await new Client(server).post('/api/test/notify/take-mails', { today: '2027-02-30' }), 400, 'notify.invalid_filter', 'today');
  });

  test('mail: parallel takers never hand one notification to mail twice', async () => {
    const ids = await notify({ username: 'ansatt', kind: 'rules.change', title_nb: 'Parallell', count: 60 });
    const runs = await Promise.all(Array.from({ length: 4 }, () =>
      new Client(server).post('/api/test/notify/take-mails', {})));
    const taken = [];
    for (const r of runs) {
      assert.equal(r.status, 200, JSON.stringify(r.data));
      for (const m of r.data.mails) taken.push(...m.notification_ids.filter((id) => ids.includes(id)));
    }
    assert.equal(taken.length, ids.length, 'each taken once');
    assert.equal(new Set(taken).size, ids.length);
  });

  test('the test route is not in the OpenAPI document', async () => {
    const doc = (await new Client(server).get('/api/openapi.json')).data;
    assert.ok(!doc.paths['/api/test/notify']);
    assert.ok(!doc.paths['/api/test/notify/take-mails']);
    assert.ok(doc.paths['/api/notifications']);
    assert.ok(doc.paths['/api/notifications/settings'].put);
  });
});
