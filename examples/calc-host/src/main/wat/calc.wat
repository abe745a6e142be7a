;; The component behind examples/calc-host, written by hand against src/main/wit/calc.wit:
;; it exports `example:calc/math` (records, variants, lists, options, results) and `shout` (strings).
;; Rebuild calc.wasm with ../build.sh.
(component $calc
  (core module $m
    (memory (export "mem") 1)
    (global $heap (mut i32) (i32.const 1024))
    (data (i32.const 16) "division by zero")

    ;; A bump allocator: enough for a component that never frees.
    (func $realloc (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
      (global.set $heap (i32.add (local.get $p) (local.get $size)))
      (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
        (then (drop (memory.grow (i32.const 1)))))
      (local.get $p))

    (func (export "add") (param i32 i32) (result i32)
      (i32.add (local.get 0) (local.get 1)))

    ;; translate(point{x, y}, d) -> point, returned through memory
    (func (export "translate") (param $x i32) (param $y i32) (param $d i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
      (i32.store (local.get $r) (i32.add (local.get $x) (local.get $d)))
      (i32.store offset=4 (local.get $r) (i32.add (local.get $y) (local.get $d)))
      (local.get $r))

    ;; area(shape): discriminant, then the joined payload slots (radius | x, y)
    (func (export "area") (param $case i32) (param $a i32) (param $b i32) (result i32)
      (if (result i32) (i32.eq (local.get $case) (i32.const 0))
        (then (i32.mul (i32.const 3) (i32.mul (local.get $a) (local.get $a))))
        (else (if (result i32) (i32.eq (local.get $case) (i32.const 1))
          (then (i32.mul (local.get $a) (local.get $b)))
          (else (i32.const 0))))))

    (func (export "sum") (param $p i32) (param $n i32) (result i32)
      (local $s i32)
      (block $done
        (loop $next
          (br_if $done (i32.eqz (local.get $n)))
          (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next)))
      (local.get $s))

    ;; first(list<s32>) -> option<s32>: discriminant byte at 0, value at 4
    (func (export "first") (param $p i32) (param $n i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
      (if (i32.eqz (local.get $n))
        (then (i32.store8 (local.get $r) (i32.const 0)))
        (else
          (i32.store8 (local.get $r) (i32.const 1))
          (i32.store offset=4 (local.get $r) (i32.load (local.get $p)))))
      (local.get $r))

    ;; safe-div(a, b) -> result<s32, string>: discriminant byte at 0, s32 or (ptr, len) at 4
    (func (export "safe-div") (param $a i32) (param $b i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 12)))
      (if (i32.eqz (local.get $b))
        (then
          (i32.store8 (local.get $r) (i32.const 1))
          (i32.store offset=4 (local.get $r) (i32.const 16))
          (i32.store offset=8 (local.get $r) (i32.const 16)))
        (else
          (i32.store8 (local.get $r) (i32.const 0))
          (i32.store offset=4 (local.get $r) (i32.div_s (local.get $a) (local.get $b)))))
      (local.get $r))

    ;; shout(s) = upper-case ASCII letters of s + "!", returned through memory as (ptr, len)
    (func (export "shout") (param $p i32) (param $n i32) (result i32)
      (local $out i32) (local $i i32) (local $c i32) (local $r i32)
      (local.set $out (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (local.get $n) (i32.const 1))))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $c (i32.load8_u (i32.add (local.get $p) (local.get $i))))
          (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
            (then (local.set $c (i32.sub (local.get $c) (i32.const 32)))))
          (i32.store8 (i32.add (local.get $out) (local.get $i)) (local.get $c))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (i32.store8 (i32.add (local.get $out) (local.get $n)) (i32.const 33))
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
      (i32.store (local.get $r) (local.get $out))
      (i32.store offset=4 (local.get $r) (i32.add (local.get $n) (i32.const 1)))
      (local.get $r)))
  (core instance $i (instantiate $m))

  (type $point (record (field "x" s32) (field "y" s32)))
  (type $shape (variant (case "circle" u32) (case "rect" $point) (case "empty")))
  (type $ints (list s32))
  (func $add (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $i "add")))
  (func $translate (param "p" $point) (param "d" s32) (result $point)
    (canon lift (core func $i "translate") (memory (core memory $i "mem"))))
  (func $area (param "s" $shape) (result u32) (canon lift (core func $i "area")))
  (func $sum (param "xs" $ints) (result s32)
    (canon lift (core func $i "sum") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
  (func $first (param "xs" $ints) (result (option s32))
    (canon lift (core func $i "first") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
  (func $safe-div (param "a" s32) (param "b" s32) (result (result s32 (error string)))
    (canon lift (core func $i "safe-div") (memory (core memory $i "mem"))))

  ;; The interface as wit-component lays it out: a component that re-exports the functions with
  ;; the types it exports, so that the exported instance names every type it uses.
  (component $math
    (type $point-def (record (field "x" s32) (field "y" s32)))
    (import "import-type-point" (type $point-in (eq $point-def)))
    (type $shape-def (variant (case "circle" u32) (case "rect" $point-in) (case "empty")))
    (import "import-type-shape" (type $shape-in (eq $shape-def)))
    (import "import-func-add" (func $add (param "a" s32) (param "b" s32) (result s32)))
    (import "import-func-translate" (func $translate (param "p" $point-in) (param "d" s32) (result $point-in)))
    (import "import-func-area" (func $area (param "s" $shape-in) (result u32)))
    (import "import-func-sum" (func $sum (param "xs" (list s32)) (result s32)))
    (import "import-func-first" (func $first (param "xs" (list s32)) (result (option s32))))
    (import "import-func-safe-div" (func $safe-div (param "a" s32) (param "b" s32) (result (result s32 (error string)))))
    (export $point "point" (type $point-in))
    (type $shape-out (variant (case "circle" u32) (case "rect" $point) (case "empty")))
    (export $shape "shape" (type $shape-out))
    (export "add" (func $add))
    (export "translate" (func $translate) (func (param "p" $point) (param "d" s32) (result $point)))
    (export "area" (func $area) (func (param "s" $shape) (result u32)))
    (export "sum" (func $sum))
    (export "first" (func $first))
    (export "safe-div" (func $safe-div)))
  (instance $math-instance (instantiate $math
    (with "import-type-point" (type $point))
    (with "import-type-shape" (type $shape))
    (with "import-func-add" (func $add))
    (with "import-func-translate" (func $translate))
    (with "import-func-area" (func $area))
    (with "import-func-sum" (func $sum))
    (with "import-func-first" (func $first))
    (with "import-func-safe-div" (func $safe-div))))
  (export "example:calc/math" (instance $math-instance))

  (func (export "shout") (param "s" string) (result string)
    (canon lift (core func $i "shout") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
)
