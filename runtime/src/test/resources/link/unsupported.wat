;; Uses an asynchronous built-in, which the runtime does not support yet.
(component $unsupported
  (core func $tc (canon task.cancel))
  (core module $m (import "x" "tc" (func)))
  (core instance (instantiate $m (with "x" (instance (export "tc" (func $tc))))))
)
