;; A core module of module-import.wat's declared type, with an export the type does not need.
(module
  (import "env" "base" (global $base i32))
  (func (export "get") (result i32) (i32.add (global.get $base) (i32.const 2)))
  (memory (export "extra") 1)
)
