// The DuckDB peer of `samkjop spend analyze`: the same definitions (issue 3)
// in straightforward SQL, as an analyst would write them with DuckDB. Used by
// bench/run-spend.sh to check the engine's answers and to compare speed and
// memory.
//
//   node bench/duckdb_peer.mjs --invoices FILE|DIR... --agreements FILE
//     --categories FILE --year YYYY --protocol-threshold NOK
//     --national-threshold NOK --eea-threshold NOK [--out report.json]
//
// Writes the same JSON shape as the engine (year, thresholds, counts,
// rejected_examples (empty: DuckDB does not report them in file order),
// loyalty, risks). Reads CSV only (no PEPPOL XML).
//
// How it reads: each file's header is read in JS to learn the delimiter and
// the column order; DuckDB's CSV reader then loads every column as VARCHAR
// (no sniffing), skipping rows with the wrong number of fields and rows with
// a quote left open at the end, which it records in a rejects table; those
// count as rejected. The rows are cleaned in SQL (organisation numbers with
// MOD11, both date formats, amounts into integer øre) into one table kept in
// file order, and the rest is GROUP BY.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

function parseArgs(argv) {
  const args = { invoices: [] };
  for (let idx = 2; idx < argv.length; ++idx) {
    const a = argv[idx];
    const next = () => argv[++idx];
    if (a === '--invoices') {
      while (idx + 1 < argv.length && !argv[idx + 1].startsWith('--')) args.invoices.push(next());
    } else if (a === '--agreements') args.agreements = next();
    else if (a === '--categories') args.categories = next();
    else if (a === '--year') args.year = Number(next());
    else if (a === '--protocol-threshold') args.protocol = next();
    else if (a === '--national-threshold') args.national = next();
    else if (a === '--eea-threshold') args.eea = next();
    else if (a === '--out') args.out = next();
    else throw new Error(`unknown argument ${a}`);
  }
  for (const k of ['agreements', 'categories', 'year', 'protocol', 'national', 'eea']) {
    if (args[k] === undefined) throw new Error(`missing --${k}`);
  }
  return args;
}

// NOK text ("1300000", "2300000.5") -> øre as BigInt.
function nokToOre(text) {
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text.replace(/[ \u00a0]/g, ''));
  if (!m) throw new Error(`bad amount ${text}`);
  return BigInt(m[1]) * 100n + BigInt((m[2] || '0').padEnd(2, '0'));
}

function formatMicro(micro) {
  const neg = micro < 0n;
  const m = neg ? -micro : micro;
  return `${neg ? '-' : ''}${m / 1000000n}.${String(m % 1000000n).padStart(6, '0')}`;
}

function expandInputs(inputs) {
  const out = [];
  for (const p of inputs) {
    if (fs.statSync(p).isDirectory()) {
      const found = [];
      const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const full = path.join(d, e.name);
          if (e.isDirectory()) walk(full);
          else if (/\.(csv|tsv|txt)$/i.test(e.name)) found.push(full);
        }
      };
      walk(p);
      found.sort();
      out.push(...found);
    } else {
      out.push(p);
    }
  }
  return out;
}

const REQUIRED = ['buyer_orgnr', 'invoice_date', 'supplier_orgnr', 'account', 'amount'];

// The header line of a CSV file: its delimiter and lower-cased column names.
function readHeader(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(65536);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  let text = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
  const line = text.split('\n').find((l) => l.trim() !== '').replace(/\r$/, '');
  for (const delim of [',', ';', '\t']) {
    const names = line.split(delim).map((s) => s.trim().replace(/^"|"$/g, '').toLowerCase());
    if (REQUIRED.every((r) => names.includes(r))) return { delim, names };
  }
  throw new Error(`${file}: missing required columns`);
}

const sqlString = (s) => `'${String(s).replace(/'/g, "''")}'`;

async function main() {
  const args = parseArgs(process.argv);
  const year = args.year;
  const thresholds = {
    protocol: nokToOre(args.protocol),
    national: nokToOre(args.national),
    eea: nokToOre(args.eea),
  };
  const files = expandInputs(args.invoices);
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const con = await db.connect();
  const run = (sql) => con.run(sql);
  const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();

  // --- Cleaning rules as macros (the definitions of issue 3). Each macro
  // takes an already computed column, so the staged SELECTs below evaluate
  // every regular expression once per field. ---
  await run(String.raw`
    CREATE MACRO tr(x) AS trim(coalesce(x, ''), ' ' || chr(9));
    CREATE MACRO strip_sp(x) AS regexp_replace(coalesce(x, ''), '[ \t\x{00A0}\x{202F}]', '', 'g');
    CREATE MACRO no_prefix(t) AS CASE WHEN upper(left(t, 2)) = 'NO' THEN substr(t, 3) ELSE t END;
    CREATE MACRO mva_suffix(t) AS
      CASE WHEN upper(right(t, 3)) = 'MVA' THEN left(t, length(t) - 3) ELSE t END;
    CREATE MACRO orgnr_of(t) AS CASE WHEN regexp_full_match(t, '[0-9]{9}') AND
      (11 - ((CAST(t[1] AS INTEGER) * 3 + CAST(t[2] AS INTEGER) * 2 + CAST(t[3] AS INTEGER) * 7 +
              CAST(t[4] AS INTEGER) * 6 + CAST(t[5] AS INTEGER) * 5 + CAST(t[6] AS INTEGER) * 4 +
              CAST(t[7] AS INTEGER) * 3 + CAST(t[8] AS INTEGER) * 2) % 11)) % 11
      = CAST(t[9] AS INTEGER) THEN CAST(t AS INTEGER) END;
    CREATE MACRO day_of(t) AS CASE
      WHEN regexp_full_match(t, '[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}')
        THEN CAST(try_strptime(t, '%Y-%m-%d') AS DATE)
      WHEN regexp_full_match(t, '[0-9]{2}\.[0-9]{2}\.[1-9][0-9]{3}')
        THEN CAST(try_strptime(t, '%d.%m.%Y') AS DATE)
    END;
    CREATE MACRO amount_text(x) AS
      trim(regexp_replace(coalesce(x, ''), '[ \x{00A0}\x{202F}]', '', 'g'), chr(9));
    CREATE MACRO ore_of(t, int_part, dec_part) AS CASE
      WHEN NOT regexp_full_match(t, '-?[0-9]+([.,][0-9]{1,2})?') OR length(int_part) > 17 THEN NULL
      WHEN CAST(coalesce(nullif(int_part, ''), '0') AS HUGEINT) * 100
           + CAST(rpad(coalesce(nullif(dec_part, ''), '0'), 2, '0') AS INTEGER)
           > 9223372036854775807 THEN NULL
      ELSE (CASE WHEN left(t, 1) = '-' THEN -1 ELSE 1 END) *
           CAST(CAST(coalesce(nullif(int_part, ''), '0') AS HUGEINT) * 100
                + CAST(rpad(coalesce(nullif(dec_part, ''), '0'), 2, '0') AS INTEGER) AS BIGINT)
    END;
  `);
  // The staged cleaning of one file's rows; `source` is its read_csv(...).
  const cleaned = (source, nameCol) => `
    SELECT f, orgnr_of(b3) AS buyer, day_of(d1) AS day, orgnr_of(s3) AS supplier, name, account,
           ore_of(m1, ltrim(regexp_extract(m1, '^-?([0-9]+)', 1), '0'),
                  regexp_extract(m1, '[.,]([0-9]+)$', 1)) AS ore
    FROM (SELECT *, mva_suffix(b2) AS b3, mva_suffix(s2) AS s3
          FROM (SELECT *, no_prefix(b1) AS b2, no_prefix(s1) AS s2
                FROM (SELECT f, strip_sp(buyer_orgnr) AS b1, strip_sp(supplier_orgnr) AS s1,
                             tr(invoice_date) AS d1, amount_text(amount) AS m1,
                             tr(${nameCol}) AS name, tr(account) AS account
                      FROM ${source})))`;

  // --- Reference data. ---
  await run(`
    CREATE TABLE categories AS
      SELECT DISTINCT tr(account) AS account, tr(product_area) AS area
      FROM read_csv(${sqlString(args.categories)}, header = true, all_varchar = true);
    CREATE TABLE agreements AS
      SELECT orgnr_of(mva_suffix(no_prefix(strip_sp(supplier_orgnr)))) AS supplier,
             tr(product_area) AS area,
             orgnr_of(mva_suffix(no_prefix(strip_sp(buyer)))) AS buyer,
             day_of(tr(valid_from)) AS valid_from,
             coalesce(day_of(tr(valid_to)), DATE '9999-12-31') AS valid_to
      FROM (SELECT *, unnest(string_split(buyers, '|')) AS buyer
            FROM read_csv(${sqlString(args.agreements)}, header = true, all_varchar = true));
  `);

  // --- Invoice lines: load, clean, keep file order (rowid). ---
  await run(`
    CREATE TABLE recs (f INTEGER, buyer INTEGER, day DATE, supplier INTEGER, name VARCHAR,
                       account VARCHAR, ore BIGINT, rejected BOOLEAN);
  `);
  let fieldRejects = 0n;
  for (let fileIdx = 0; fileIdx < files.length; ++fileIdx) {
    const file = files[fileIdx];
    const { delim, names } = readHeader(file);
    const seen = new Set();
    const columns = names.map((n, idx) => {
      const name = seen.has(n) || n === '' ? `col_${idx}` : n;
      seen.add(name);
      return `${sqlString(name)}: 'VARCHAR'`;
    });
    const nameCol = names.includes('supplier_name') ? 'supplier_name' : 'NULL';
    const source = `(SELECT ${fileIdx} AS f, * FROM read_csv(${sqlString(file)}, header = true,
        auto_detect = false, columns = {${columns.join(', ')}}, delim = ${sqlString(delim)},
        quote = '"', escape = '"', store_rejects = true, rejects_table = 'rejects_${fileIdx}',
        rejects_scan = 'scans_${fileIdx}', max_line_size = 67108864))`;
    await run(`
      INSERT INTO recs
      SELECT f, buyer, day, supplier, name, account, ore,
             buyer IS NULL OR day IS NULL OR ore IS NULL
      FROM (${cleaned(source, nameCol)});
    `);
    const [{ n }] = await rows(
      `SELECT count(*) AS n FROM (SELECT DISTINCT file_id, line FROM rejects_${fileIdx})`);
    fieldRejects += BigInt(n);
  }

  // --- Counts. ---
  await run(`
    CREATE TABLE classified AS
      SELECT r.*, c.area,
             CASE WHEN r.rejected THEN 'rejected'
                  WHEN year(r.day) <> ${year} THEN 'out_of_year'
                  WHEN c.area IS NULL THEN 'unmapped_account'
                  ELSE 'in_scope' END AS class
      FROM recs r LEFT JOIN categories c ON c.account = r.account AND r.account <> '';
  `);
  const classCounts = Object.fromEntries(
    (await rows(`SELECT class, count(*) AS n FROM classified GROUP BY class`)).map((r) => [
      r.class,
      BigInt(r.n),
    ]));
  const [{ unknown }] = await rows(
    `SELECT count(*) AS unknown FROM classified WHERE class = 'in_scope' AND supplier IS NULL`);
  const get = (k) => classCounts[k] || 0n;
  const counts = {
    lines_read: get('rejected') + get('out_of_year') + get('unmapped_account') + get('in_scope') +
      fieldRejects,
    rejected: get('rejected') + fieldRejects,
    out_of_year: get('out_of_year'),
    unmapped_account: get('unmapped_account'),
    in_scope: get('in_scope'),
    unknown_supplier: BigInt(unknown),
  };

  // --- Coverage and the cells (buyer, supplier, area). ---
  await run(`
    CREATE TABLE cells AS
      SELECT buyer, supplier, area, sum(ore)::HUGEINT AS total,
             coalesce(sum(ore) FILTER (WHERE covered), 0)::HUGEINT AS covered
      FROM (
        SELECT s.buyer, s.supplier, s.area, s.ore,
               s.supplier IS NOT NULL AND EXISTS (
                 SELECT 1 FROM agreements a
                 WHERE a.supplier = s.supplier AND a.area = s.area AND a.buyer = s.buyer
                   AND s.day BETWEEN a.valid_from AND a.valid_to) AS covered
        FROM classified s WHERE s.class = 'in_scope'
      )
      GROUP BY ALL;
  `);
  const loyalty = await rows(`
    SELECT lpad(CAST(buyer AS VARCHAR), 9, '0') AS buyer_orgnr, area AS product_area,
           CAST(sum(total) AS VARCHAR) AS total, CAST(sum(covered) AS VARCHAR) AS covered
    FROM cells GROUP BY ALL ORDER BY buyer_orgnr, product_area`);
  const risks = await rows(`
    WITH names AS (
      SELECT supplier, arg_min(name, rowid_) AS name
      FROM (SELECT f, rowid AS rowid_, supplier, name FROM recs
            WHERE NOT rejected AND supplier IS NOT NULL AND name <> '')
      GROUP BY supplier
    )
    SELECT lpad(CAST(c.buyer AS VARCHAR), 9, '0') AS buyer_orgnr,
           lpad(CAST(c.supplier AS VARCHAR), 9, '0') AS supplier_orgnr,
           coalesce(n.name, '') AS supplier_name, c.area AS product_area,
           CAST(c.total - c.covered AS VARCHAR) AS uncovered,
           CAST(4 * (c.total - c.covered) AS VARCHAR) AS estimated
    FROM cells c LEFT JOIN names n ON n.supplier = c.supplier
    WHERE c.supplier IS NOT NULL AND 4 * (c.total - c.covered) >= ${thresholds.protocol}
    ORDER BY 4 * (c.total - c.covered) DESC, buyer_orgnr, supplier_orgnr, product_area`);

  // --- JSON in the engine's shape. ---
  const q = JSON.stringify;
  let out = `{\n  "year": ${year},\n`;
  out += `  "thresholds": {"protocol_ore": ${thresholds.protocol}, "national_ore": ${
    thresholds.national}, "eea_ore": ${thresholds.eea}},\n`;
  out += `  "counts": {${Object.entries(counts).map(([k, v]) => `${q(k)}: ${v}`).join(', ')}},\n`;
  out += '  "rejected_examples": [],\n';
  out += '  "loyalty": [';
  out += loyalty.map((l) => {
    const total = BigInt(l.total);
    const covered = BigInt(l.covered);
    let share = 'null';
    if (total > 0n) {
      const num = covered * 1000000n;
      const absNum = num < 0n ? -num : num;
      const micro = (absNum * 2n + total) / (2n * total);  // round half away from zero
      share = formatMicro(num < 0n ? -micro : micro);
    }
    return `\n    {"buyer_orgnr": ${q(l.buyer_orgnr)}, "product_area": ${q(l.product_area)}, ` +
      `"total_ore": ${total}, "covered_ore": ${covered}, "share": ${share}}`;
  }).join(',');
  out += loyalty.length ? '\n  ],\n' : '],\n';
  out += '  "risks": [';
  out += risks.map((k) => {
    const est = BigInt(k.estimated);
    const level = est >= thresholds.eea ? 'eea' : est >= thresholds.national ? 'national' : 'protocol';
    return `\n    {"buyer_orgnr": ${q(k.buyer_orgnr)}, "supplier_orgnr": ${q(k.supplier_orgnr)}, ` +
      `"supplier_name": ${q(k.supplier_name)}, "product_area": ${q(k.product_area)}, ` +
      `"uncovered_ore": ${BigInt(k.uncovered)}, "estimated_value_ore": ${est}, ` +
      `"level": ${q(level)}}`;
  }).join(',');
  out += risks.length ? '\n  ],\n' : '],\n';
  out += '  "file_errors": []\n}\n';
  if (args.out) fs.writeFileSync(args.out, out);
  else process.stdout.write(out);
}

main().catch((e) => {
  console.error(`duckdb_peer: ${e.message}`);
  process.exit(2);
});
