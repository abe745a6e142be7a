;; Imports `env::base` as a mutable global where module-import.wat's type declares an immutable one.
(module
  (import "env" "base" (global (mut i32)))
  (func (export "get") (result i32) (i32.const 0))
)
