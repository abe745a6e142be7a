;; Imports an `async` function and lowers it with `async`. TasksTest.
(component
  (import "tick" (func $tick async))
  (core module $Mem (memory (export "mem") 1))
  (core instance $mem (instantiate $Mem))
  (core func $tick (canon lower (func $tick) async (memory (core memory $mem "mem"))))
  (core module $M
    (import "" "tick" (func $tick (result i32)))
    (func (export "run") (result i32) (call $tick)))
  (core instance $m (instantiate $M (with "" (instance (export "tick" (func $tick))))))
  (func (export "run") async (result u32) (canon lift (core func $m "run")))
)
