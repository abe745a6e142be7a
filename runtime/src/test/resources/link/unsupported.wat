;; Uses an asynchronous built-in, which the runtime does not support yet.
(component $unsupported
  (core func $ws (canon waitable-set.new))
  (core module $m (import "x" "ws" (func (result i32))))
  (core instance (instantiate $m (with "x" (instance (export "ws" (func $ws))))))
)
