;; A component that imports `wasi:cli/run` and exports it again, calling through: a socket for
;; `wit4j compose` to plug a WASI command into (the composition is then a command itself).
(component
  (import "wasi:cli/run@0.2.12" (instance $r (export "run" (func (result (result))))))
  (core func $run (canon lower (func $r "run")))
  (core module $m
    (import "host" "run" (func $run (result i32)))
    (func (export "run") (result i32) call $run))
  (core instance $host (export "run" (func $run)))
  (core instance $i (instantiate $m (with "host" (instance $host))))
  (func $forward (result (result)) (canon lift (core func $i "run")))
  (instance $out (export "run" (func $forward)))
  (export "wasi:cli/run@0.2.12" (instance $out)))
