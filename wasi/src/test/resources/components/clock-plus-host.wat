;; A component importing a WASI interface (wasi:clocks/monotonic-clock@0.2.0) and a function the
;; embedder defines itself (root `offset`): `run` returns offset(now()). WasiContextTest links it
;; with WasiContext.addToLinker plus Linker.func. Rebuild clock-plus-host.wasm with ./build.sh.
(component
  (import "wasi:clocks/monotonic-clock@0.2.0" (instance $clock
    (export "now" (func (result u64)))))
  (import "offset" (func $offset (param "x" u64) (result u64)))
  (core module $m
    (import "clock" "now" (func $now (result i64)))
    (import "host" "offset" (func $offset (param i64) (result i64)))
    (func (export "run") (result i64) (call $offset (call $now))))
  (alias export $clock "now" (func $now))
  (core func $now_lowered (canon lower (func $now)))
  (core func $offset_lowered (canon lower (func $offset)))
  (core instance $i (instantiate $m
    (with "clock" (instance (export "now" (func $now_lowered))))
    (with "host" (instance (export "offset" (func $offset_lowered))))))
  (func (export "run") (result u64) (canon lift (core func $i "run"))))
