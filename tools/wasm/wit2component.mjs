// Turns WIT worlds into components, as `jco embed --dummy` followed by `jco new` does, for many
// worlds in one process (the WIT round-trip test encodes hundreds of them).
//
// Usage: node wit2component.mjs < requests.json
//   requests: [{"wit": <file or folder>, "world": "ns:pkg/world", "out": <component path>,
//               "allFeatures": <whether @unstable items of every feature count>}, ...]
//   output:   one line per request, in order, as soon as it is done:
//             {"ok": true} or {"error": <why wit-component refused the world>}
//             (a caller can so tell which request a slow run is stuck on); after a request
//             that trapped the encoder, the process exits (3) and the rest is for a new one
import { readFileSync, writeFileSync } from 'node:fs';
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';

// jco's bundled WASI shim starts with no file access: the encoder reads WIT files by path.
_setPreopens({ '/': '/' });
const { componentEmbed, componentNew } = await import(
  new URL('./node_modules/@bytecodealliance/jco-transpile/dist/wasm-tools.js', import.meta.url));

const requests = JSON.parse(readFileSync(0, 'utf8'));
for (const r of requests) {
  try {
    const embedded = await componentEmbed({ witPath: r.wit, world: r.world, dummy: true,
      features: r.allFeatures ? { tag: 'all' } : { tag: 'list', val: [] } });
    writeFileSync(r.out, await componentNew(embedded, []));
    process.stdout.write(JSON.stringify({ ok: true }) + '\n');
  } catch (e) {
    const message = String(e?.payload ?? e?.message ?? e).split('\n')[0];
    process.stdout.write(JSON.stringify({ error: message }) + '\n');
    // After a trap the encoder's instance cannot be entered again: stop, so the caller starts a
    // new process for the rest.
    if (e instanceof WebAssembly.RuntimeError || message.startsWith('wasm trap')) process.exit(3);
  }
}
