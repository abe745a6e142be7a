;; Uses an asynchronous built-in, which the runtime does not support yet.
(component $unsupported
  (core func $bp (canon backpressure.inc))
  (core module $m (import "x" "bp" (func)))
  (core instance (instantiate $m (with "x" (instance (export "bp" (func $bp))))))
)
