;; Records and lists of records for the typed-vs-dynamic benchmark (world `wit4j:bench/points` in
;; benchmarks/src/main/wit): `translate: func(p: point, d: s32) -> point` and
;; `centroid: func(ps: list<point>) -> point` (the sum of the points, divided by their count), where
;; `record point { x: s32, y: s32 }`. The allocator hands out the same block on every call, as in
;; echo.wat: a call holds one allocation at a time.
(component
  (core module $impl
    (memory (export "memory") 1)
    (global $base i32 (i32.const 1024))

    (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
      (local $needed i32)
      (local.set $needed (i32.add (global.get $base) (local.get $new_size)))
      (if (i32.gt_u (local.get $needed) (i32.mul (memory.size) (i32.const 65536)))
        (then
          (if (i32.eq
                (memory.grow (i32.add (i32.const 1) (i32.shr_u (i32.sub (local.get $needed) (i32.mul (memory.size) (i32.const 65536))) (i32.const 16))))
                (i32.const -1))
            (then unreachable))))
      (global.get $base))

    ;; Results (x, y) go to a return area at address 16.
    (func (export "translate") (param $x i32) (param $y i32) (param $d i32) (result i32)
      (i32.store (i32.const 16) (i32.add (local.get $x) (local.get $d)))
      (i32.store (i32.const 20) (i32.add (local.get $y) (local.get $d)))
      (i32.const 16))

    (func (export "centroid") (param $ptr i32) (param $len i32) (result i32)
      (local $i i32) (local $sx i32) (local $sy i32) (local $p i32)
      (local.set $p (local.get $ptr))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
          (local.set $sx (i32.add (local.get $sx) (i32.load (local.get $p))))
          (local.set $sy (i32.add (local.get $sy) (i32.load offset=4 (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (if (i32.eqz (local.get $len)) (then (local.set $len (i32.const 1))))
      (i32.store (i32.const 16) (i32.div_s (local.get $sx) (local.get $len)))
      (i32.store (i32.const 20) (i32.div_s (local.get $sy) (local.get $len)))
      (i32.const 16))
  )
  (core instance $i (instantiate $impl))
  (type $point (record (field "x" s32) (field "y" s32)))
  (func $translate (param "p" $point) (param "d" s32) (result $point)
    (canon lift (core func $i "translate") (memory (core memory $i "memory")) (realloc (core func $i "cabi_realloc"))))
  (func $centroid (param "ps" (list $point)) (result $point)
    (canon lift (core func $i "centroid") (memory (core memory $i "memory")) (realloc (core func $i "cabi_realloc"))))
  ;; The interface as wit-component lays it out (see examples/calc-host/src/main/wat/calc.wat).
  (component $points
    (type $point-def (record (field "x" s32) (field "y" s32)))
    (import "import-type-point" (type $point-in (eq $point-def)))
    (import "import-func-translate" (func $translate (param "p" $point-in) (param "d" s32) (result $point-in)))
    (import "import-func-centroid" (func $centroid (param "ps" (list $point-in)) (result $point-in)))
    (export $point "point" (type $point-in))
    (export "translate" (func $translate) (func (param "p" $point) (param "d" s32) (result $point)))
    (export "centroid" (func $centroid) (func (param "ps" (list $point)) (result $point))))
  (instance $points-instance (instantiate $points
    (with "import-type-point" (type $point))
    (with "import-func-translate" (func $translate))
    (with "import-func-centroid" (func $centroid))))
  (export "wit4j:bench/points" (instance $points-instance))
)
