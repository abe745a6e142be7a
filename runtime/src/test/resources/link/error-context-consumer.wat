;; Imports the error-context test component's `make` and `message` and relays a string through an
;; error context that crosses between the two components both ways.
(component
  (import "test:ec/api" (instance $api
    (export "make" (func (param "s" string) (result error-context)))
    (export "message" (func (param "e" error-context) (result string)))))
  (core module $libc
    (memory (export "memory") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $ret i32)
      (local.set $ret (global.get $bump))
      (global.set $bump (i32.add (global.get $bump) (local.get 3)))
      (local.get $ret)))
  (core instance $libc (instantiate $libc))
  (alias export $api "make" (func $make))
  (alias export $api "message" (func $message))
  (core func $make-lowered
    (canon lower (func $make) (memory (core memory $libc "memory")) (realloc (core func $libc "realloc"))))
  (core func $message-lowered
    (canon lower (func $message) (memory (core memory $libc "memory")) (realloc (core func $libc "realloc"))))
  (core func $drop (canon error-context.drop))
  (core module $m
    (import "" "make" (func $make (param i32 i32) (result i32)))
    (import "" "message" (func $message (param i32 i32)))
    (import "" "drop" (func $drop (param i32)))
    (func (export "relay") (param i32 i32) (result i32)
      (local $e i32)
      (local.set $e (call $make (local.get 0) (local.get 1)))
      (call $message (local.get $e) (i32.const 16))
      (call $drop (local.get $e))
      (i32.const 16)))
  (core instance $i (instantiate $m
    (with "" (instance
      (export "make" (func $make-lowered))
      (export "message" (func $message-lowered))
      (export "drop" (func $drop))))))
  (func (export "relay") (param "s" string) (result string)
    (canon lift (core func $i "relay") (memory (core memory $libc "memory")) (realloc (core func $libc "realloc")))))
