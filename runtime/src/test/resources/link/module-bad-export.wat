;; Exports `get` as a global where module-import.wat's type declares a function.
(module
  (global (export "get") i32 (i32.const 0))
)
