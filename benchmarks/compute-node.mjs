// The calls of ComputeBenchmark in node: each export (crunch, sieve, interpret, hash) of
// target/compute.wasm (built by compute/build.sh) transpiled by jco, called with KIB;
// microseconds per call, mean of 5 rounds of 2 s after 5 warm-up rounds. With --cpu-prof, node
// writes a profile of the run.
//   node benchmarks/compute-node.mjs [KIB] [EXPORT…]   (default 256, every export)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(here, '../tools/wasm');
const component = resolve(here, 'target/compute.wasm');
const kib = Number(process.argv[2] ?? 256);
const out = mkdtempSync(join(tmpdir(), 'wit4j-compute-'));
const t = spawnSync(join(tools, 'node_modules/.bin/jco'), ['transpile', component, '-o', out, '--name', 'compute'],
  { stdio: ['ignore', 'ignore', 'inherit'] });
if (t.status !== 0) throw new Error('jco transpile failed');
writeFileSync(join(out, 'package.json'), '{"type":"module"}');
const exports = await import(pathToFileURL(join(out, 'compute.js')));
const names = process.argv.length > 3 ? process.argv.slice(3) : ['crunch', 'sieve', 'interpret', 'hash'];
for (const name of names) {
  const f = exports[name];
  if (typeof f !== 'function') throw new Error(`no export ${name} (rebuild with compute/build.sh)`);
  console.log(`${name}(${kib}) = ${f(kib)}`);
  const perRound = [];
  for (let r = 0; r < 10; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + 2_000_000_000n;
    let now;
    do { f(kib); n++; now = process.hrtime.bigint(); } while (now < end);
    if (r >= 5) perRound.push(Number(now - start) / 1e3 / n);
  }
  console.log(`node ${name}(${kib}): ${(perRound.reduce((a, b) => a + b) / perRound.length).toFixed(1)} us/op`
    + ` (rounds: ${perRound.map(x => x.toFixed(1)).join(', ')})`);
}
