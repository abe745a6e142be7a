// The calls of LedgerBenchmark on the same component transpiled by jco and run in node:
// classify(5), checksum of 1 MiB, summarize of 1,000 records; microseconds per call, best of
// several rounds after a warm-up (as JMH's average over its measurement iterations, run here
// for the same time per round).
//   node benchmarks/ledger-node.mjs [COMPONENT]   (default examples/ledger/target/ledger.wasm)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(here, '../tools/wasm');
const component = resolve(process.argv[2] ?? resolve(here, '../examples/ledger/target/ledger.wasm'));
const out = mkdtempSync(join(tmpdir(), 'wit4j-ledger-'));
const t = spawnSync(join(tools, 'node_modules/.bin/jco'), ['transpile', component, '-o', out, '--name', 'ledger'],
  { stdio: ['ignore', 'ignore', 'inherit'] });
if (t.status !== 0) throw new Error('jco transpile failed');
writeFileSync(join(out, 'package.json'), '{"type":"module"}');
mkdirSync(join(out, 'node_modules/@bytecodealliance'), { recursive: true });
symlinkSync(join(tools, 'node_modules/@bytecodealliance/preview2-shim'), join(out, 'node_modules/@bytecodealliance/preview2-shim'));
const { ledger } = await import(pathToFileURL(join(out, 'ledger.js')));

const megabyte = new Uint8Array(1 << 20);
for (let i = 0; i < megabyte.length; i++) megabyte[i] = (i * 31) & 0xff;
const entries = [];
for (let i = 0; i < 1000; i++) entries.push({ account: `acct-${i}`, amount: BigInt(i * 7), flagged: i % 3 === 0 });
if (ledger.classify(5n) !== 'small' || ledger.checksum(megabyte) !== 538998665) throw new Error('wrong answer');

function measure(name, call, seconds = 2, rounds = 5) {
  const perRound = [];
  for (let r = 0; r < rounds + 5; r++) { // 5 warm-up rounds, as JMH's warm-up iterations
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(seconds * 1e9);
    let now;
    do { call(); n++; now = process.hrtime.bigint(); } while (now < end);
    if (r >= 5) perRound.push(Number(now - start) / 1e3 / n);
  }
  const mean = perRound.reduce((a, b) => a + b, 0) / perRound.length;
  console.log(`node ${name}: ${mean.toFixed(2)} us/op (rounds: ${perRound.map(x => x.toFixed(2)).join(', ')})`);
}
measure('classify', () => ledger.classify(5n));
measure('checksumMegabyte', () => ledger.checksum(megabyte));
measure('summarizeThousand', () => ledger.summarize(entries));
