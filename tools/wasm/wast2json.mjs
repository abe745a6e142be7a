// Turns `.wast` scripts of component-model tests into JSON command lists with component binaries,
// so that the Java conformance runner needs no WebAssembly text parser of its own.
//
// Usage: node wast2json.mjs OUT_DIR ROOT_DIR [ROOT_DIR...]
//   Every `*.wast` below each ROOT_DIR is converted to OUT_DIR/<root name>/<relative path>.json.
//
// Each output file is {"file": ..., "features": {...}, "commands": [...]}, a command being
//   {"line": N, "type": "component"|"assert_invalid"|"assert_malformed"|"assert_unlinkable"|
//                     "assert_return"|"assert_trap"|"invoke"|"component_instance"|"other",
//    "text": <the form's source text>, "module": {...} for forms holding a component,
//    "message": <expected message of an assertion>, "name": <$id>, "definition": true|false}
// and a module being {"binary": <base64>} or {"textError": <why the text parser refused it>}.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, basename } from 'node:path';

// The wasmtime suite still uses the older `(memory $i "mem")` reference form.
process.env.WAST_STRICT_COMPONENT_INDICES = '0';
const { parse } = await import(new URL('./node_modules/@bytecodealliance/jco-transpile/dist/wasm-tools.js', import.meta.url));

/** Splits source text into top-level s-expressions, skipping comments. */
function topLevelForms(src) {
  const forms = [];
  let i = 0, depth = 0, start = -1, line = 1, startLine = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ';' && src[i + 1] === ';') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '(' && src[i + 1] === ';') {
      let nest = 1; i += 2;
      while (i < src.length && nest > 0) {
        if (src[i] === '\n') line++;
        if (src[i] === '(' && src[i + 1] === ';') { nest++; i += 2; }
        else if (src[i] === ';' && src[i + 1] === ')') { nest--; i += 2; }
        else i++;
      }
      continue;
    }
    if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') { if (src[i] === '\\') i++; else if (src[i] === '\n') line++; i++; }
      i++; continue;
    }
    if (c === '(') { if (depth === 0) { start = i; startLine = line; } depth++; }
    else if (c === ')') { depth--; if (depth === 0) forms.push({ text: src.slice(start, i + 1), line: startLine }); }
    i++;
  }
  return forms;
}

/** Tokenises one form into atoms, strings and nested lists (keeping each list's source span). */
function sexpr(text) {
  let i = 0;
  function skip() {
    for (;;) {
      if (/\s/.test(text[i] ?? '')) { i++; continue; }
      if (text[i] === ';' && text[i + 1] === ';') { while (i < text.length && text[i] !== '\n') i++; continue; }
      if (text[i] === '(' && text[i + 1] === ';') {
        let nest = 1; i += 2;
        while (i < text.length && nest > 0) {
          if (text[i] === '(' && text[i + 1] === ';') { nest++; i += 2; }
          else if (text[i] === ';' && text[i + 1] === ')') { nest--; i += 2; }
          else i++;
        }
        continue;
      }
      return;
    }
  }
  function read() {
    skip();
    if (text[i] === '(') {
      const from = i; i++;
      const items = [];
      for (;;) { skip(); if (text[i] === ')') { i++; break; } if (i >= text.length) break; items.push(read()); }
      return { list: items, src: text.slice(from, i) };
    }
    if (text[i] === '"') {
      const from = i; i++;
      while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; i++; }
      i++;
      return { str: text.slice(from, i) };
    }
    const from = i;
    while (i < text.length && !/[\s()";]/.test(text[i])) i++;
    return { atom: text.slice(from, i) };
  }
  return read();
}

/** Decodes a wat string literal (with its quotes) to bytes. */
function stringBytes(lit) {
  const out = [];
  const body = lit.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') { for (const b of Buffer.from(c, 'utf8')) out.push(b); continue; }
    const n = body[++i];
    if (/[0-9a-fA-F]/.test(n)) { out.push(parseInt(body.substr(i, 2), 16)); i++; continue; }
    if (n === 'n') out.push(10); else if (n === 't') out.push(9); else if (n === 'r') out.push(13);
    else if (n === '"') out.push(34); else if (n === "'") out.push(39); else if (n === '\\') out.push(92);
    else if (n === 'u') {
      const close = body.indexOf('}', i);
      const cp = parseInt(body.slice(i + 2, close), 16);
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out.push(b);
      i = close;
    } else throw new Error(`unknown string escape \\${n}`);
  }
  return Buffer.from(out);
}

// `cancellable` was removed from the text format; the binary byte it stood for stays 0.
const stripObsolete = (text) => text.replace(/(?<![\w$."])cancellable(?![\w.-])/g, '');

/** Converts a `(component ...)` form to {binary} or {textError}, plus its $name and whether it is a definition. */
async function component(node) {
  const items = node.list;
  let k = 1, name = null, definition = false;
  if (items[k]?.atom === 'definition') { definition = true; k++; }
  if (items[k]?.atom?.startsWith('$')) { name = items[k].atom; k++; }
  const result = { name, definition };
  if (items[k]?.atom === 'binary') {
    result.module = { binary: Buffer.concat(items.slice(k + 1).map(s => stringBytes(s.str))).toString('base64') };
    return result;
  }
  let text;
  if (items[k]?.atom === 'quote') {
    text = '(component ' + items.slice(k + 1).map(s => stringBytes(s.str).toString('utf8')).join(' ') + ')';
  } else {
    // Drop the `definition` keyword; keep the name, which outer aliases inside may refer to.
    text = '(component ' + (name ? name + ' ' : '') + items.slice(k).map(s => s.src ?? s.str ?? s.atom).join(' ') + ')';
  }
  try {
    result.module = { binary: Buffer.from(await parse(stripObsolete(text))).toString('base64') };
  } catch (e) {
    result.module = { textError: String(e?.message ?? e).split('\n').filter(l => l.trim()).slice(0, 3).join(' ') };
  }
  return result;
}

async function convert(file) {
  const src = readFileSync(file, 'utf8');
  const features = {};
  for (const m of src.matchAll(/^;;!\s*([\w-]+)\s*=\s*(\S+)/gm)) features[m[1]] = m[2];
  const commands = [];
  for (const form of topLevelForms(src)) {
    const node = sexpr(form.text);
    const head = node.list[0]?.atom;
    const cmd = { line: form.line, type: head ?? 'other', text: form.text };
    if (head === 'component' && node.list[1]?.atom === 'instance') {
      cmd.type = 'component_instance';
      cmd.name = node.list[2]?.atom; cmd.of = node.list[3]?.atom;
    } else if (head === 'component') {
      Object.assign(cmd, await component(node));
    } else if (head === 'assert_invalid' || head === 'assert_malformed' || head === 'assert_unlinkable') {
      const inner = node.list[1];
      if (inner?.list?.[0]?.atom === 'component') Object.assign(cmd, await component(inner));
      else cmd.innerKind = inner?.list?.[0]?.atom ?? 'unknown';
      const msg = node.list[2]?.str;
      cmd.message = msg ? stringBytes(msg).toString('utf8') : '';
    } else if (head === 'assert_trap') {
      const msg = node.list[node.list.length - 1]?.str;
      cmd.message = msg ? stringBytes(msg).toString('utf8') : '';
      const inner = node.list[1];
      if (inner?.list?.[0]?.atom === 'component') Object.assign(cmd, await component(inner));
    }
    commands.push(cmd);
  }
  return { file, features, commands };
}

function wastFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...wastFiles(p));
    else if (e.endsWith('.wast')) out.push(p);
  }
  return out;
}

const [outDir, ...roots] = process.argv.slice(2);
if (!outDir || roots.length === 0) {
  console.error('usage: node wast2json.mjs OUT_DIR ROOT_DIR [ROOT_DIR...]');
  process.exit(2);
}
let files = 0, forms = 0;
for (const root of roots) {
  for (const file of wastFiles(root)) {
    const json = await convert(file);
    json.file = join(basename(root), relative(root, file));
    const out = join(outDir, json.file.replace(/\.wast$/, '.json'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(json, null, 1));
    files++; forms += json.commands.length;
  }
}
console.log(`converted ${files} .wast files (${forms} commands) into ${outDir}`);
