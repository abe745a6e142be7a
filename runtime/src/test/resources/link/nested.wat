;; Nested components instantiated inside the outer one, linked to each other and to an import,
;; with outer aliases of a core module and a type, export aliases and a re-exported instance.
(component $outer
  (import "base" (func $base (result u32)))
  (core module $arith
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
  (type $binop (func (param "a" u32) (param "b" u32) (result u32)))

  ;; exports add(a, b) from the outer core module, reached by outer aliases
  (component $math
    (alias outer $outer $arith (core module $arith))
    (alias outer $outer $binop (type $binop))
    (core instance $a (instantiate $arith))
    (func (export "add") (type $binop) (canon lift (core func $a "add"))))

  ;; offset(x) = base() + add(x, x), with base and add imported
  (component $offsetter
    (import "base" (func $base (result u32)))
    (import "add" (func $add (param "a" u32) (param "b" u32) (result u32)))
    (core func $base-l (canon lower (func $base)))
    (core func $add-l (canon lower (func $add)))
    (core module $m
      (import "i" "base" (func $base (result i32)))
      (import "i" "add" (func $add (param i32 i32) (result i32)))
      (func (export "offset") (param i32) (result i32)
        (i32.add (call $base) (call $add (local.get 0) (local.get 0)))))
    (core instance $i (instantiate $m (with "i" (instance (export "base" (func $base-l)) (export "add" (func $add-l))))))
    (func (export "offset") (param "x" u32) (result u32) (canon lift (core func $i "offset"))))

  (instance $math1 (instantiate $math))
  (alias export $math1 "add" (func $add))
  (instance $off1 (instantiate $offsetter (with "base" (func $base)) (with "add" (func $add))))
  (instance $off2 (instantiate $offsetter (with "base" (func $base)) (with "add" (func $add))))
  (alias export $off1 "offset" (func $offset))
  (export "offset" (func $offset))
  (export "add" (func $add))
  (export "test:nested/math" (instance $math1))
  (export "second" (instance $off2))
)
