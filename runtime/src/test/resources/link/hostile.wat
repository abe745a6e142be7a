;; A guest that misbehaves on request, for the hostile-guest tests: spins forever, grows and
;; touches memory, grows a table, recurses without end, creates handles of its own resource type,
;; and calls a host function (`exhaust`) the tests make fail.
(component
  (import "exhaust" (func $exhaust))
  (type $thing (resource (rep i32)))
  (core func $exhaust-l (canon lower (func $exhaust)))
  (core func $thing-new (canon resource.new $thing))
  (core module $m
    (import "host" "exhaust" (func $exhaust))
    (import "host" "thing-new" (func $thing-new (param i32) (result i32)))
    (memory (export "mem") 1)
    (table $t 1 funcref)
    (func (export "table-grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
    (func $recurse (export "recurse") (param i32) (result i32)
      (call $recurse (i32.add (local.get 0) (i32.const 1))))
    (func (export "make-handles") (param $n i32) (result i32) (local $i i32)
      (block $done
        (loop $l
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (drop (call $thing-new (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l)))
      (local.get $i))
    (func (export "spin") (loop $l (br $l)))
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
    (func (export "touch") (param $n i32) (local $i i32)
      (block $done
        (loop $l
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (i32.store8 (i32.mul (local.get $i) (i32.const 65536)) (i32.const 1))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l))))
    (func (export "call-exhaust") (call $exhaust))
    (func (export "ok") (result i32) (i32.const 42)))
  (core instance $i (instantiate $m (with "host" (instance
    (export "exhaust" (func $exhaust-l))
    (export "thing-new" (func $thing-new))))))
  (func (export "spin") (canon lift (core func $i "spin")))
  (func (export "grow") (param "pages" u32) (result s32) (canon lift (core func $i "grow")))
  (func (export "touch") (param "pages" u32) (canon lift (core func $i "touch")))
  (func (export "call-exhaust") (canon lift (core func $i "call-exhaust")))
  (func (export "ok") (result u32) (canon lift (core func $i "ok")))
  (func (export "table-grow") (param "n" u32) (result s32) (canon lift (core func $i "table-grow")))
  (func (export "recurse") (param "n" u32) (result u32) (canon lift (core func $i "recurse")))
  (func (export "make-handles") (param "n" u32) (result u32) (canon lift (core func $i "make-handles")))
)
