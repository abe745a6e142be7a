;; A tower of stages: the outer component exports stage1, which exports stage2. Each stage is
;; instantiated later by the host with its own imports; stage2 reaches the outer component's core
;; module and function type through outer aliases.
(component $tower
  (import "seed" (func $seed (result u32)))
  (core module $arith
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
  (type $binop (func (param "a" u32) (param "b" u32) (result u32)))

  (component $stage1
    (import "step" (func $step (result u32)))
    (component $stage2
      (import "base" (func $base (result u32)))
      (alias outer $tower $arith (core module $arith))
      (alias outer $tower $binop (type $binop))
      (core instance $a (instantiate $arith))
      (core func $base-l (canon lower (func $base)))
      (core module $m
        (import "a" "add" (func $add (param i32 i32) (result i32)))
        (import "a" "base" (func $base (result i32)))
        (func (export "run") (result i32) (call $add (call $base) (i32.const 1000))))
      (core instance $i (instantiate $m (with "a" (instance (export "add" (func $a "add")) (export "base" (func $base-l))))))
      (func (export "run") (result u32) (canon lift (core func $i "run")))
      (func (export "add") (type $binop) (canon lift (core func $a "add"))))
    (core func $step-l (canon lower (func $step)))
    (core module $m
      (import "s" "step" (func $step (result i32)))
      (func (export "twice") (result i32) (i32.add (call $step) (call $step))))
    (core instance $i (instantiate $m (with "s" (instance (export "step" (func $step-l))))))
    (func (export "twice") (result u32) (canon lift (core func $i "twice")))
    (export "stage2" (component $stage2)))

  (core func $seed-l (canon lower (func $seed)))
  (core module $m
    (import "s" "seed" (func $seed (result i32)))
    (func (export "seed-plus-one") (result i32) (i32.add (call $seed) (i32.const 1))))
  (core instance $i (instantiate $m (with "s" (instance (export "seed" (func $seed-l))))))
  (func (export "seed-plus-one") (result u32) (canon lift (core func $i "seed-plus-one")))
  (export "stage1" (component $stage1))
)
