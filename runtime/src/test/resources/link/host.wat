;; Uses host imports: a root function, and an interface instance with a host resource (own and
;; borrow handles, dropped with resource.drop so that the host destructor runs) and a function
;; returning a string that is lowered into this component's memory with realloc.
(component $host-user
  (import "log" (func $log (param "msg" string)))
  (import "test:host/api@1.0.0" (instance $api
    (export "counter" (type $c (sub resource)))
    (export "[constructor]counter" (func (param "start" u32) (result (own $c))))
    (export "[method]counter.inc" (func (param "self" (borrow $c)) (result u32)))
    (export "get-name" (func (result string)))))
  (alias export $api "counter" (type $counter))
  (alias export $api "[constructor]counter" (func $ctor))
  (alias export $api "[method]counter.inc" (func $inc))
  (alias export $api "get-name" (func $get-name))

  (core module $libc
    (memory (export "mem") 1)
    (global $heap (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (global.get $heap))
      (global.set $heap (i32.add (global.get $heap) (local.get 3)))
      (local.get $p)))
  (core instance $libc (instantiate $libc))

  (core func $log-l (canon lower (func $log) (memory (core memory $libc "mem"))))
  (core func $ctor-l (canon lower (func $ctor)))
  (core func $inc-l (canon lower (func $inc)))
  (core func $drop-l (canon resource.drop $counter))
  (core func $get-name-l (canon lower (func $get-name) (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))

  (core module $main
    (import "host" "log" (func $log (param i32 i32)))
    (import "host" "ctor" (func $ctor (param i32) (result i32)))
    (import "host" "inc" (func $inc (param i32) (result i32)))
    (import "host" "drop" (func $drop (param i32)))
    (import "host" "get-name" (func $get-name (param i32)))
    (import "libc" "mem" (memory 1))
    (func (export "run") (param $p i32) (param $len i32) (result i32)
      (local $h i32)
      (call $log (local.get $p) (local.get $len))
      (local.set $h (call $ctor (i32.const 10)))
      (drop (call $inc (local.get $h)))
      (call $inc (local.get $h))
      (call $drop (local.get $h)))
    (func (export "greet") (result i32)
      (call $get-name (i32.const 8))
      (i32.const 8))
    ;; drops a handle twice: the second drop traps
    (func (export "double-drop")
      (local $h i32)
      (local.set $h (call $ctor (i32.const 0)))
      (call $drop (local.get $h))
      (call $drop (local.get $h))))
  (core instance $host (export "log" (func $log-l)) (export "ctor" (func $ctor-l)) (export "inc" (func $inc-l))
    (export "drop" (func $drop-l)) (export "get-name" (func $get-name-l)))
  (core instance $main (instantiate $main (with "host" (instance $host)) (with "libc" (instance $libc))))

  (func (export "run") (param "s" string) (result u32)
    (canon lift (core func $main "run") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func (export "greet") (result string)
    (canon lift (core func $main "greet") (memory (core memory $libc "mem"))))
  (func (export "double-drop") (canon lift (core func $main "double-drop")))
)
