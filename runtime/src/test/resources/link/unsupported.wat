;; Lifts a function with the stackful async ABI (`async` without `callback`), which the runtime
;; does not support yet.
(component $unsupported
  (core module $m (func (export "f")))
  (core instance $i (instantiate $m))
  (func (export "f") async (canon lift (core func $i "f") async))
)
