;; Uses an asynchronous built-in, which the runtime does not support yet.
(component $unsupported
  (core func $sc (canon subtask.cancel))
  (core module $m (import "x" "sc" (func (param i32) (result i32))))
  (core instance (instantiate $m (with "x" (instance (export "sc" (func $sc))))))
)
