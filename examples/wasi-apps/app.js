// A WASI command in JavaScript: prints to stdout, reads an environment variable and a file
// from a preopened directory, fetches FETCH_URL if it is set (wasi:http), and ends with an exit
// code chosen by its input.
import { getEnvironment, getArguments } from 'wasi:cli/environment@0.2.12';
import { exitWithCode } from 'wasi:cli/exit@0.2.12';
import { getDirectories } from 'wasi:filesystem/preopens@0.2.12';

function readFile(dir, path) {
  const file = dir.openAt({ symlinkFollow: false }, path, {}, { read: true });
  const chunks = [];
  let offset = 0n;
  for (;;) {
    const [bytes, end] = file.read(4096n, offset);
    chunks.push(new TextDecoder().decode(bytes));
    offset += BigInt(bytes.length);
    if (end || bytes.length === 0) break;
  }
  return chunks.join('');
}

function errorCode(e) {
  return e && e.payload !== undefined ? e.payload : String(e);
}

export const run = {
  async run() {
    console.log('hello from javascript');
    const env = new Map(getEnvironment());
    console.log(`GREETING=${env.has('GREETING') ? env.get('GREETING') : '(unset)'}`);
    console.log(`args: ${getArguments().slice(1).join(' ')}`);
    const preopens = getDirectories();
    console.log(`preopens: ${preopens.map(([, guest]) => guest).join(' ')}`);
    const data = preopens.find(([, guest]) => guest === '/data');
    if (!data) {
      console.log('no /data');
      exitWithCode(2);
    }
    let text;
    try {
      text = readFile(data[0], 'input.txt');
    } catch (e) {
      console.log(`input.txt: ${errorCode(e)}`);
      exitWithCode(3);
    }
    console.log(`input.txt: ${text.trim()}`);
    try {
      readFile(data[0], '../outside.txt');
      console.log('../outside.txt: read');
    } catch (e) {
      console.log(`../outside.txt: ${errorCode(e)}`);
    }
    if (env.has('FETCH_URL')) {
      // wasi:http through the global fetch: answered only when the host grants outgoing requests.
      try {
        const response = await fetch(env.get('FETCH_URL'));
        console.log(`fetch: ${response.status} ${(await response.text()).trim()}`);
      } catch (e) {
        console.log(`fetch failed: ${e && e.message ? e.message : e}`);
      }
    }
    const code = parseInt(env.get('EXIT_CODE') ?? '0', 10);
    if (code !== 0) exitWithCode(code);
  },
};
