;; Defines the resource `thing` (with a destructor that adds the representation to a counter) and
;; exports a constructor, a method taking a borrow and a static function consuming an own: invoke
;; passes the handles a call returns to later calls by name.
(component $resources
  (core module $dtor
    (global $dropped (mut i32) (i32.const 0))
    (func (export "dtor") (param i32) (global.set $dropped (i32.add (global.get $dropped) (local.get 0))))
    (func (export "dropped") (result i32) (global.get $dropped)))
  (core instance $d (instantiate $dtor))
  (type $thing0 (resource (rep i32) (dtor (core func $d "dtor"))))
  (export $thing "thing" (type $thing0))
  (core func $new (canon resource.new $thing0))
  (core func $rep (canon resource.rep $thing0))
  (core func $drop (canon resource.drop $thing0))
  (core module $m
    (import "r" "new" (func $new (param i32) (result i32)))
    (import "r" "rep" (func $rep (param i32) (result i32)))
    (import "r" "drop" (func $drop (param i32)))
    (func (export "ctor") (param i32) (result i32) (call $new (local.get 0)))
    ;; a borrow of an own resource arrives as the representation itself
    (func (export "get") (param i32) (result i32) (local.get 0))
    (func (export "consume") (param $h i32) (result i32)
      (local $r i32)
      (local.set $r (call $rep (local.get $h)))
      (call $drop (local.get $h))
      (local.get $r)))
  (core instance $i (instantiate $m (with "r" (instance
    (export "new" (func $new)) (export "rep" (func $rep)) (export "drop" (func $drop))))))
  (func (export "[constructor]thing") (param "v" u32) (result (own $thing)) (canon lift (core func $i "ctor")))
  (func (export "[method]thing.get") (param "self" (borrow $thing)) (result u32) (canon lift (core func $i "get")))
  (func (export "[static]thing.consume") (param "t" (own $thing)) (result u32) (canon lift (core func $i "consume")))
  (func (export "dropped") (result u32) (canon lift (core func $d "dropped")))
)
