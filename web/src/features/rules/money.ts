// Kroner as the rules pages show and read them: «1 300 000 kr» (øre only when there are any),
// and a typed amount («1 300 000», «1300000,50», «1 300 000 kr») into integer øre.
const NBSP = '\u00a0';

function group(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Integer øre → "1 300 000 kr" or "1 300 000,50 kr" (non-breaking spaces). */
export function formatKr(ore: number | bigint): string {
  let v = BigInt(ore);
  const negative = v < 0n;
  if (negative) v = -v;
  const kroner = v / 100n;
  const rest = v % 100n;
  const decimals = rest === 0n ? '' : `,${rest.toString().padStart(2, '0')}`;
  return `${negative ? '-' : ''}${group(kroner)}${decimals}${NBSP}kr`;
}

/**
 * A typed amount in kroner → integer øre, or null when it is not a non-negative amount with at
 * most two decimals. Spaces (also non-breaking) group thousands; «,» or «.» marks the decimals;
 * a trailing «kr» or «NOK» is allowed.
 */
export function parseKroner(text: string): number | null {
  const s = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(kr|nok)$/i, '')
    .replace(/,-$/, '');
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const ore = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '0').padEnd(2, '0'));
  if (ore > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(ore);
}
