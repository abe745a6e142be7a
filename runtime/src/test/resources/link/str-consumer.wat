;; Imports test:str/api and calls it with UTF-8 strings from its own memory.
(component $str-consumer
  (import "test:str/api" (instance $api
    (export "echo" (func (param "s" string) (result string)))
    (export "units" (func (param "s" string) (result u32)))))
  (alias export $api "echo" (func $echo))
  (alias export $api "units" (func $units))
  (core module $libc
    (memory (export "mem") 1)
    (global $heap (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      ;; shrinking keeps the block; growing copies the old contents
      (if (i32.and (i32.ne (local.get 0) (i32.const 0)) (i32.le_u (local.get 3) (local.get 1)))
        (then (return (local.get 0))))
      (local.set $p (i32.and (i32.add (global.get $heap) (i32.const 7)) (i32.const -8)))
      (global.set $heap (i32.add (local.get $p) (local.get 3)))
      (if (local.get 0) (then (memory.copy (local.get $p) (local.get 0) (local.get 1))))
      (local.get $p)))
  (core instance $libc (instantiate $libc))
  (core func $echo-l (canon lower (func $echo) (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (core func $units-l (canon lower (func $units) (memory (core memory $libc "mem"))))
  (core module $main
    (import "api" "echo" (func $echo (param i32 i32 i32)))
    (import "api" "units" (func $units (param i32 i32) (result i32)))
    (func (export "run") (param i32 i32) (result i32)
      (call $echo (local.get 0) (local.get 1) (i32.const 8))
      (i32.const 8))
    (func (export "units") (param i32 i32) (result i32)
      (call $units (local.get 0) (local.get 1))))
  (core instance $main (instantiate $main
    (with "api" (instance (export "echo" (func $echo-l)) (export "units" (func $units-l))))))
  (func (export "run") (param "s" string) (result string)
    (canon lift (core func $main "run") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func (export "units") (param "s" string) (result u32)
    (canon lift (core func $main "units") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
)
