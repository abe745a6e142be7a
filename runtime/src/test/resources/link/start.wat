;; A core start function and a component start function that calls a host import.
(component $starter
  (import "init" (func $init (param "n" u32)))
  (core func $init-l (canon lower (func $init)))
  (core module $m
    (import "host" "init" (func $init (param i32)))
    (global $count (mut i32) (i32.const 0))
    (func $module-start (global.set $count (i32.const 100)))
    (start $module-start)
    (func (export "start-me")
      (global.set $count (i32.add (global.get $count) (i32.const 1)))
      (call $init (global.get $count)))
    (func (export "count") (result i32) (global.get $count)))
  (core instance $i (instantiate $m (with "host" (instance (export "init" (func $init-l))))))
  (func $start-me (canon lift (core func $i "start-me")))
  (start $start-me)
  (func (export "count") (result u32) (canon lift (core func $i "count")))
)
