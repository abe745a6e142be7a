// Turns WebAssembly text (core modules or components) into binaries, for many texts in one
// process (the canonical ABI fuzz test assembles a few hundred components per run).
//
// Usage: node wat2wasm.mjs < texts.json
//   input:  a JSON array of texts
//   output: one line per text, in order, as soon as it is done:
//           {"wasm": <the binary in base64>} or {"error": <why the text parser refused it>}
const { parse } = await import(new URL('./node_modules/@bytecodealliance/jco-transpile/dist/wasm-tools.js', import.meta.url));

// stdin is read as a stream: a synchronous read of a pipe can fail with EAGAIN.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
for (const text of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
  try {
    process.stdout.write(JSON.stringify({ wasm: Buffer.from(await parse(text)).toString('base64') }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e?.payload ?? e?.message ?? e).split('\n')[0] }) + '\n');
  }
}
