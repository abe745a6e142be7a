// Preload for `jco run --jco-import`: grants the preopens named in WIT4J_JCO_PREOPENS, a list of
// HOST::GUEST entries separated by ';', and removes that variable from the environment the
// component sees (jco run starts with no file access and passes its own environment through):
//   WIT4J_JCO_PREOPENS=/tmp/data::/data jco run --jco-import tools/wasm/jco-run-preopens.mjs app.wasm
import { _setPreopens, _addPreopen } from '@bytecodealliance/preview2-shim/filesystem';

const spec = process.env.WIT4J_JCO_PREOPENS ?? '';
delete process.env.WIT4J_JCO_PREOPENS;
_setPreopens({});
for (const entry of spec.split(';').filter(Boolean)) {
  const sep = entry.indexOf('::');
  if (sep < 0) throw new Error(`WIT4J_JCO_PREOPENS entry must be HOST::GUEST, got ${entry}`);
  _addPreopen(entry.slice(sep + 2), entry.slice(0, sep));
}
