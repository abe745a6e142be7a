// The calls of ComputeBenchmark in node: crunch(kib) of target/compute.wasm (built by
// compute/build.sh) transpiled by jco; microseconds per call, mean of 5 rounds of 2 s after 5
// warm-up rounds. With --cpu-prof, node writes a profile of the run.
//   node benchmarks/compute-node.mjs [KIB]   (default 256)
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
const { crunch } = await import(pathToFileURL(join(out, 'compute.js')));
console.log(`crunch(${kib}) = ${crunch(kib)}`);
const perRound = [];
for (let r = 0; r < 10; r++) {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + 2_000_000_000n;
  let now;
  do { crunch(kib); n++; now = process.hrtime.bigint(); } while (now < end);
  if (r >= 5) perRound.push(Number(now - start) / 1e3 / n);
}
console.log(`node crunch(${kib}): ${(perRound.reduce((a, b) => a + b) / perRound.length).toFixed(1)} us/op`
  + ` (rounds: ${perRound.map(x => x.toFixed(1)).join(', ')})`);
