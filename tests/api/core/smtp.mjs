// A real SMTP server for the tests (tests/api/core/smtp-server.py on Debian's
// python3-aiosmtpd) and a reader for what it received.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'smtp-server.py');

/** Starts the SMTP server on `port`; `delay` seconds per DATA; `refuse` answers RCPT 550. */
export async function startSmtp(port, { delay = 0, refuse = false, dir } = {}) {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'samkjop-smtp-'));
  const args = [script, String(port), folder];
  if (delay) args.push('--delay', String(delay));
  if (refuse) args.push('--refuse');
  // /usr/bin/python3: the Debian interpreter that has aiosmtpd (not a pyenv shim's).
  // The SMTP peer runs on the real clock: under `make test-later` (faketime) aiosmtpd's event
  // loop breaks, and the peer's clock is not what the tests are about.
  const env = { ...process.env };
  delete env.LD_PRELOAD;
  delete env.FAKETIME;
  const proc = spawn('/usr/bin/python3', args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => { if (String(d).includes('ready')) resolve(); });
    proc.on('exit', (code) => reject(new Error(`smtp server exited ${code}: ${err}`)));
  });
  return {
    port, dir: folder,
    /** Every message received so far, in order. */
    messages() {
      return readdirSync(folder).filter((f) => f.endsWith('.json')).sort()
        .map((f) => parseMessage(JSON.parse(readFileSync(join(folder, f), 'utf8'))));
    },
    async stop({ keep = false } = {}) {
      proc.kill('SIGINT');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
      if (!keep) rmSync(folder, { recursive: true, force: true });
    },
  };
}

function decodeWords(v) {
  return v.replace(/\r\n[ \t]/g, ' ')
    .replace(/(=\?UTF-8\?B\?[^?]*\?=)\s+(?==\?UTF-8\?B\?)/gi, '$1')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b) => Buffer.from(b, 'base64').toString('utf8'));
}

/** {mail_from, rcpt_tos, raw, headerLines, headers: {lower-name: [decoded values]}, text} */
export function parseMessage({ mail_from, rcpt_tos, data }) {
  const raw = data;
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const lines = head.split('\r\n');
  const headers = {};
  let current = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && current) { current.value += '\r\n' + line; continue; }
    const m = /^([A-Za-z-]+): (.*)$/.exec(line);
    if (!m) throw new Error(`not a header line: ${JSON.stringify(line)}`);
    current = { name: m[1].toLowerCase(), value: m[2] };
    (headers[current.name] ??= []).push(current);
  }
  const decoded = Object.fromEntries(Object.entries(headers).map(([k, vs]) => [k, vs.map((v) => decodeWords(v.value))]));
  const body = raw.slice(split + 4);
  const text = decoded['content-transfer-encoding']?.[0] === 'base64'
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { mail_from, rcpt_tos, raw, headerLines: lines, headers: decoded, text };
}
