;; Imports `env::other`, which module-import.wat's type does not declare.
(module
  (import "env" "other" (func))
  (func (export "get") (result i32) (i32.const 0))
)
