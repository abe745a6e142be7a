;; A parent calling its child's export and a child calling its parent's lifted function both trap
;; (as in the spec's tests: "for now, trap on parent-to-child" and child-to-parent); siblings may
;; call each other (see nested.wat).
(component $parent
  (component $child
    (import "up" (func $up (result u32)))
    (core func $up-l (canon lower (func $up)))
    (core module $m
      (import "" "up" (func $up (result i32)))
      (func (export "f") (result i32) (i32.const 7))
      (func (export "call-up") (result i32) (call $up)))
    (core instance $i (instantiate $m (with "" (instance (export "up" (func $up-l))))))
    (func (export "f") (result u32) (canon lift (core func $i "f")))
    (func (export "call-up") (result u32) (canon lift (core func $i "call-up"))))
  (core module $inner (func (export "up") (result i32) (i32.const 1)))
  (core instance $inner (instantiate $inner))
  (func $up (result u32) (canon lift (core func $inner "up")))
  (instance $child (instantiate $child (with "up" (func $up))))
  (core func $f-l (canon lower (func $child "f")))
  (core module $outer
    (import "" "f" (func $f (result i32)))
    (func (export "call-down") (result i32) (call $f)))
  (core instance $outer (instantiate $outer (with "" (instance (export "f" (func $f-l))))))
  (func (export "call-down") (result u32) (canon lift (core func $outer "call-down")))
  (alias export $child "call-up" (func $call-up))
  (export "call-up" (func $call-up))
  (alias export $child "f" (func $f))
  (export "f" (func $f))
)
