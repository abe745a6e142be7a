// The calls of BumpBenchmark in node: upper() of a 1 KiB string on bump.wasm transpiled by jco,
// 200,000 calls on one instance in 10 batches of 20,000, each batch timed (microseconds per call).
//   node benchmarks/bump-node.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(here, '../tools/wasm');
const component = resolve(here, 'src/main/resources/dev/wit4j/benchmarks/bump.wasm');
const out = mkdtempSync(join(tmpdir(), 'wit4j-bump-'));
const t = spawnSync(join(tools, 'node_modules/.bin/jco'), ['transpile', component, '-o', out, '--name', 'bump'],
  { stdio: ['ignore', 'ignore', 'inherit'] });
if (t.status !== 0) throw new Error('jco transpile failed');
writeFileSync(join(out, 'package.json'), '{"type":"module"}');
const { upper } = await import(pathToFileURL(join(out, 'bump.js')));
const kilobyte = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(29).substring(0, 1024);
if (upper(kilobyte) !== kilobyte.toUpperCase()) throw new Error('wrong result');
const batches = [];
for (let b = 0; b < 10; b++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < 20000; i++) upper(kilobyte);
  batches.push(Number(process.hrtime.bigint() - start) / 1e3 / 20000);
}
console.log(`node upper 1 KiB, us/call per batch of 20,000: ${batches.map(x => x.toFixed(2)).join(', ')}`);
