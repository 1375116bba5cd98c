// The memory bound of issue 8 #1: CONNS connections each send a 60 MiB body at once to a route
// whose limit is 1 MiB (POST /api/auth/login), half with Content-Length and half chunked. Every one
// must be answered 413, and the server's peak RSS (VmHWM) must stay under 200 MB.
// Usage: node bench/body_flood.mjs BASE_URL SERVER_PID [CONNS]; prints one JSON line.
import net from 'node:net';
import { readFileSync } from 'node:fs';

const [base, pidArg, connsArg] = process.argv.slice(2);
const pid = Number(pidArg);
const conns = Number(connsArg ?? 16);
const url = new URL(base);
const size = 60 * 1024 * 1024;
const slice = 1024 * 1024;
const body = Buffer.alloc(slice, 'a');
const vm = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function flood(chunked) {
  return new Promise((resolve) => {
    const sock = net.connect(Number(url.port), url.hostname);
    let head = '';
    let answered = false;
    let sent = 0;
    const done = (status) => { sock.destroy(); resolve({ status, sentMiB: Math.round(sent / 1048576) }); };
    sock.on('data', (d) => {
      head += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (m && !answered) { answered = true; done(Number(m[1])); }
    });
    sock.on('error', () => { if (!answered) { answered = true; done(0); } });
    sock.on('close', () => { if (!answered) { answered = true; done(0); } });
    sock.on('connect', () => {
      sock.write(`POST /api/auth/login HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n` +
        (chunked ? 'Transfer-Encoding: chunked\r\n\r\n' : `Content-Length: ${size}\r\n\r\n`));
      const pump = () => {
        while (sent < size && !answered && !sock.destroyed) {
          const ok = chunked ? sock.write(`${slice.toString(16)}\r\n`) && sock.write(body) && sock.write('\r\n') : sock.write(body);
          sent += slice;
          if (!ok) { sock.once('drain', pump); return; }
        }
      };
      pump();
    });
  });
}

const before = { rss: vm('VmRSS'), hwm: vm('VmHWM') };
const t0 = performance.now();
const results = await Promise.all(Array.from({ length: conns }, (_, i) => flood(i % 2 === 1)));
const ms = Math.round(performance.now() - t0);
const after = { rss: vm('VmRSS'), hwm: vm('VmHWM') };
const statuses = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
const ok = results.every((r) => r.status === 413) && after.hwm < 200;
console.log(JSON.stringify({
  connections: conns, body_mib: 60, statuses, ms,
  rss_before_mib: +before.rss.toFixed(1), peak_rss_mib: +after.hwm.toFixed(1), rss_after_mib: +after.rss.toFixed(1),
  max_sent_mib: Math.max(...results.map((r) => r.sentMiB)), ok,
}));
process.exit(ok ? 0 : 1);
