// Preloaded (NODE_OPTIONS=--import) by componentize.sh: jco's bundled WASI shim starts with no
// file access, so `jco componentize` could not read its inputs without this grant. The shim is a
// direct dependency (package.json), so this is the same module instance jco loads.
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';

_setPreopens({ '/': '/' });
