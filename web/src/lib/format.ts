// Norwegian formats for everything the UI shows. The server sends dates as YYYY-MM-DD,
// timestamps as ISO 8601 UTC, organisation numbers as 9 digits and money as integer øre.

const NBSP = '\u00a0';
const OSLO = 'Europe/Oslo';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-01" → "01.03.2026". Returns "" for null/undefined, the input unchanged if it is not a date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value.slice(0, 10));
  if (!m) return value;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

const dateTimeParts = new Intl.DateTimeFormat('nb-NO', {
  timeZone: OSLO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** ISO timestamp → "dd.mm.åååå kl. HH:MM" in Europe/Oslo (English: "dd.mm.yyyy at HH:MM"). */
export function formatDateTime(value: string | null | undefined, lang: 'nb' | 'en' = 'nb'): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${lang === 'en' ? 'at' : 'kl.'} ${p.hour}:${p.minute}`;
}

/** Clock time "HH:MM" in Europe/Oslo. */
export function formatTime(d: Date): string {
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}`;
}

// The server's business date ("today" as every rule there reads it), from the session. In
// production it is the Europe/Oslo date; tests pin it on the server (--today), and the UI
// follows, so defaults such as "from today" agree with the server.
let serverToday: string | null = null;
export function setServerToday(iso: string | null): void {
  serverToday = iso;
}

/** Today as YYYY-MM-DD: the server's date when known, else the Europe/Oslo date of `now`. */
export function todayIso(now?: Date): string {
  if (!now && serverToday) return serverToday;
  const p = Object.fromEntries(dateTimeParts.formatToParts(now ?? new Date()).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/**
 * Parses what a person types as a date: "1.3.2026", "01.03.2026", "1/3/2026" or "2026-03-01".
 * Returns YYYY-MM-DD, or null if it is not a real calendar date.
 */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(s);
  const nor = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (nor) {
    [d, m, y] = [Number(nor[1]), Number(nor[2]), Number(nor[3])];
  } else {
    return null;
  }
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "944117784" → "944 117 784" (non-breaking spaces are not used: the number is copied often). */
export function formatOrgnr(value: string | null | undefined): string {
  if (!value) return '';
  const digits = value.replace(/\s/g, '');
  if (!/^\d{9}$/.test(digits)) return value;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** Removes spaces from a typed organisation number. */
export function normalizeOrgnr(value: string): string {
  return value.replace(/\s/g, '');
}

/** MOD11 check digit of a Norwegian organisation number (weights 3 2 7 6 5 4 3 2). */
export function isValidOrgnr(value: string): boolean {
  const digits = normalizeOrgnr(value);
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(digits[8]);
}

function groupThousands(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Integer øre → "kr 1 234,56" (non-breaking spaces). Negative amounts: "-kr 1 234,56". */
export function formatMoney(ore: number | bigint | null | undefined): string {
  if (ore === null || ore === undefined) return '';
  let v = BigInt(ore);
  const negative = v < 0n;
  if (negative) v = -v;
  const kroner = v / 100n;
  const rest = (v % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}kr${NBSP}${groupThousands(kroner)},${rest}`;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Norwegian collation: A–Z, then Æ, Ø, Å. */
export function compareNb(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Returns a new array sorted by the given text key in Norwegian order. */
export function sortNb<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}
