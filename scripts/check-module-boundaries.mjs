#!/usr/bin/env node
// A module uses another module only through its public headers — <module>.h
// and the *_service.h files in its folder — and only a module it declares in
// depends_on; core includes no module at all; only src/app includes a
// module.h. Run by ctest (test "module_boundaries") with the built binary,
// whose `samkjop modules` prints each module's depends_on.
//   node scripts/check-module-boundaries.mjs build/samkjop
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const binary = process.argv[2] ?? join(root, 'build', 'samkjop');
const modules = JSON.parse(execFileSync(binary, ['modules'], { encoding: 'utf8' }));
const deps = new Map(modules.map((m) => [m.name, new Set(m.depends_on)]));

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.(cc|h)$/.test(name)) yield p;
  }
}

const faults = [];
const include = /^\s*#\s*include\s+"modules\/([a-z_]+)\/([^"]+)"/gm;
for (const file of sources(join(root, 'src'))) {
  const rel = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const owner = rel.startsWith('src/modules/') ? rel.split('/')[2] : rel.startsWith('src/core/') ? 'core' : 'app';
  for (const [, other, header] of text.matchAll(include)) {
    if (owner === other || owner === 'app') continue;
    if (owner === 'core') {
      faults.push(`${rel}: core includes module ${other} (core has no business words)`);
      continue;
    }
    const isPublic = header === `${other}.h` || /^[a-z_]+_service\.h$/.test(header);
    if (!isPublic) faults.push(`${rel}: includes modules/${other}/${header}, which is not a public header of ${other} (only ${other}.h and *_service.h are)`);
    if (!deps.get(owner)?.has(other)) faults.push(`${rel}: uses module ${other}, which ${owner} does not declare in depends_on`);
  }
}
for (const m of modules) {
  if (m.name !== 'core' && !deps.has(m.name)) faults.push(`module ${m.name} is unknown`);
}
if (faults.length) {
  console.error(`module boundaries broken:\n  ${faults.join('\n  ')}`);
  process.exit(1);
}
console.log(`module boundaries hold (${modules.length} modules)`);
