// A second opinion on component binaries, for the validator differential test: wasm-tools'
// validator (wasmparser, as bundled in the pinned jco) for the component, and V8's
// WebAssembly.validate for every core module inside it, function bodies included (wasm-tools'
// WIT decoder validates a component's structure and types but leaves function bodies alone).
//
// Usage: node validate.mjs < binaries.json
//   input:  a JSON array of binaries in base64
//   output: one line per binary, in order:
//           {"verdict": "valid" | "invalid", "by": "component" | "core", "message": ...}, or
//           {"verdict": "unknown", "message": ...} where wasm-tools itself failed (it panicked)
//           A component that validates but whose interface is not WIT (wasm-tools then refuses to
//           print WIT, without an offset) counts as valid.
//
// wasm-tools runs in a worker thread: a panic traps its instance for good, so after one the
// worker is replaced.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

function leb(bytes, at) {
  let value = 0, shift = 0, n = 0, b;
  do {
    if (at + n >= bytes.length) throw new Error('truncated LEB128');
    b = bytes[at + n++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, n];
}

// The core modules of a component, nested components' included, in binary order.
function coreModules(bytes, from, to, out) {
  let at = from + 8;
  while (at < to) {
    const id = bytes[at++];
    const [size, n] = leb(bytes, at);
    at += n;
    if (at + size > to) throw new Error('section past the end');
    if (id === 1) out.push(bytes.subarray(at, at + size));
    if (id === 4) coreModules(bytes, at, at + size, out);
    at += size;
  }
  return out;
}

async function verdict(componentWit, bytes) {
  try {
    await componentWit(bytes);
  } catch (e) {
    if (e?.payload === undefined) return { verdict: 'unknown', message: String(e?.message ?? e) };
    const message = String(e.payload).replace(/^Failed to decode wit component\n/, '');
    if (/\(at offset 0x[0-9a-f]+\)/.test(message)) return { verdict: 'invalid', by: 'component', message };
    // validated, then refused as WIT: the component itself is valid
  }
  let modules;
  try {
    modules = coreModules(bytes, 0, bytes.length, []);
  } catch (e) {
    return { verdict: 'invalid', by: 'component', message: String(e.message) };
  }
  for (let i = 0; i < modules.length; i++) {
    if (!WebAssembly.validate(modules[i])) {
      let message = 'invalid';
      try { new WebAssembly.Module(modules[i]); } catch (e) { message = String(e.message); }
      return { verdict: 'invalid', by: 'core', message: `core module ${i}: ${message}` };
    }
  }
  return { verdict: 'valid' };
}

if (isMainThread) {
  let worker = null;
  const ask = (bytes) => new Promise((resolve, reject) => {
    worker ??= new Worker(new URL(import.meta.url));
    const failed = (e) => { worker.off('message', answered); reject(e); };
    const answered = (m) => { worker.off('error', failed); resolve(m); };
    worker.once('message', answered);
    worker.once('error', failed);
    worker.postMessage(bytes);
  });
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  for (const base64 of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
    const answer = await ask(new Uint8Array(Buffer.from(base64, 'base64')));
    if (answer.verdict === 'unknown') {
      await worker.terminate();
      worker = null;
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
  await worker?.terminate();
} else {
  const { componentWit } = await import(new URL('./node_modules/@bytecodealliance/jco-transpile/dist/wasm-tools.js', import.meta.url));
  parentPort.on('message', async (bytes) => parentPort.postMessage(await verdict(componentWit, bytes)));
}
