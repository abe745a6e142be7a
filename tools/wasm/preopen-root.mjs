// Preloaded (NODE_OPTIONS=--import) by componentize.sh: jco's bundled WASI shim starts with no
// file access, so `jco componentize` could not read its inputs without this grant.
import { _setPreopens } from './node_modules/@bytecodealliance/jco-transpile/node_modules/@bytecodealliance/preview2-shim/dist/nodejs/filesystem.js';

_setPreopens({ '/': '/' });
