// Times `jco run` (node + preview2-shim) on a command component, for comparison with
// WasiCommandBenchmark: the same grants (GREETING, read-only /data with input.txt), output discarded.
//   node benchmarks/jco-run.mjs [COMPONENT] [RUNS] > /dev/null   (the figures go to stderr)
// Reports the wall time of whole `jco run` processes (startup: transpile + node + compile +
// instantiate + run), and, in this one node process, a transpiled instance: its first import
// (compile + instantiate + run) and `run` called again on that instance (the warm figure).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(here, '../tools/wasm');
const component = resolve(process.argv[2] ?? resolve(here, '../examples/wasi-apps/target/app-js.wasm'));
const runs = Number(process.argv[3] ?? 10);
const jco = join(tools, 'node_modules/.bin/jco');

const data = mkdtempSync(join(tmpdir(), 'wit4j-jco-bench-'));
writeFileSync(join(data, 'input.txt'), 'benchmark input\n');
const env = { PATH: process.env.PATH, GREETING: 'bench', WIT4J_JCO_PREOPENS: `${data}::/data` };

function elapsedMs(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function stats(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return `mean ${mean.toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (${ms.length} runs)`;
}

// 1. Whole `jco run` processes.
const whole = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const r = spawnSync(jco, ['run', '--jco-import', join(tools, 'jco-run-preopens.mjs'), component],
    { env, stdio: ['ignore', 'ignore', 'inherit'] });
  whole.push(elapsedMs(start));
  if (r.status !== 0) throw new Error(`jco run exited with ${r.status}`);
}
console.error(`jco run (whole process): ${stats(whole)}`);

// 2. In this process: transpile once, import (compile + instantiate + run), then run again.
const out = mkdtempSync(join(tmpdir(), 'wit4j-jco-transpiled-'));
const t = spawnSync(jco, ['transpile', component, '-o', out, '--name', 'app'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (t.status !== 0) throw new Error('jco transpile failed');
writeFileSync(join(out, 'package.json'), '{"type":"module"}');
mkdirSync(join(out, 'node_modules/@bytecodealliance'), { recursive: true });
symlinkSync(join(tools, 'node_modules/@bytecodealliance/preview2-shim'), join(out, 'node_modules/@bytecodealliance/preview2-shim'));
writeFileSync(join(out, 'grants.js'), [
  "import { _setPreopens, _addPreopen } from '@bytecodealliance/preview2-shim/filesystem';",
  "import { _setEnv } from '@bytecodealliance/preview2-shim/cli';",
  '_setPreopens({});',
  `_addPreopen('/data', ${JSON.stringify(data)});`,
  "_setEnv({ GREETING: 'bench' });",
].join('\n'));
await import(pathToFileURL(join(out, 'grants.js')));
const first = process.hrtime.bigint();
const mod = await import(pathToFileURL(join(out, 'app.js')));
const api = mod.run ?? mod['wasi:cli/run@0.2.12'];
api.run();
console.error(`jco transpiled, first import + run (compile + instantiate + run): ${elapsedMs(first).toFixed(1)} ms`);
const again = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  api.run();
  again.push(elapsedMs(start));
}
console.error(`jco transpiled, run again on the same instance: ${stats(again)}`);
