;; Imports a core module of a declared module type and instantiates it with a global of its own.
(component
  (import "m" (core module $m
    (import "env" "base" (global i32))
    (export "get" (func (result i32)))))
  (core module $env (global (export "base") i32 (i32.const 40)))
  (core instance $env (instantiate $env))
  (core instance $i (instantiate $m (with "env" (instance $env))))
  (func (export "get") (result u32) (canon lift (core func $i "get")))
)
