;; Exports `get` with another function type than module-import.wat declares.
(module
  (func (export "get") (param i32) (result i32) (local.get 0))
)
