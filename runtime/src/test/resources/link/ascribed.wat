;; Exports with type ascriptions: the ascribed type decides what the outside sees.
(component $ascribed
  (component $inner
    (core module $m
      (func (export "a") (result i32) (i32.const 1))
      (func (export "b") (result i32) (i32.const 2)))
    (core instance $i (instantiate $m))
    (type $r0 (resource (rep i32)))
    (export $r "r" (type $r0))
    (core func $new (canon resource.new $r0))
    (func $a (result u32) (canon lift (core func $i "a")))
    (func $b (result u32) (canon lift (core func $i "b")))
    (func $make (param "v" u32) (result (own $r)) (canon lift (core func $new)))
    (instance $api (export "a" (func $a)) (export "b" (func $b)))
    (export "api" (instance $api))
    (export "a" (func $a))
    (export "b" (func $b))
    (export "make" (func $make)))
  (instance $x (instantiate $inner))
  (alias export $x "api" (instance $api))
  ;; an instance seen as one that exports only `a`
  (export "narrow" (instance $api) (instance (export "a" (func (result u32)))))
  (export "full" (instance $api))
  ;; a component seen as one that exports only `a`, and one that exports its resource and `make`
  (export "only-a" (component $inner) (component (export "a" (func (result u32)))))
  (export "with-resource" (component $inner) (component
    (export "r" (type $r (sub resource)))
    (export "make" (func (param "v" u32) (result (own $r))))))
)
