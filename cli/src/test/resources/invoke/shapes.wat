;; A component for `wit4j invoke` tests: records, variants, enums, flags, options, results, lists,
;; floats, a function without result, a trap, and an exported interface (under a package name and
;; under a plain name).
(component
  (core module $m
    (memory (export "memory") 1)
    (global $heap (mut i32) (i32.const 4096))
    (func $realloc (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
      (local $ptr i32)
      (local.set $ptr
        (i32.and
          (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
          (i32.xor (i32.sub (local.get $align) (i32.const 1)) (i32.const -1))))
      (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
      (local.get $ptr))

    (data (i32.const 16) "division by zero")

    ;; flip(p: point) -> point: swaps x and y; the record comes back through a return area.
    (func (export "flip") (param $x i32) (param $y i32) (result i32)
      (i32.store (i32.const 64) (local.get $y))
      (i32.store offset=4 (i32.const 64) (local.get $x))
      (i32.const 64))

    ;; first(l: list<u32>) -> option<u32>
    (func (export "first") (param $ptr i32) (param $len i32) (result i32)
      (if (i32.eqz (local.get $len))
        (then
          (i32.store8 (i32.const 80) (i32.const 0))
          (return (i32.const 80))))
      (i32.store8 (i32.const 80) (i32.const 1))
      (i32.store offset=4 (i32.const 80) (i32.load (local.get $ptr)))
      (i32.const 80))

    ;; sum(l: list<u32>) -> u64
    (func (export "sum") (param $ptr i32) (param $len i32) (result i64)
      (local $total i64)
      (block $done
        (loop $next
          (br_if $done (i32.eqz (local.get $len)))
          (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (i32.load (local.get $ptr)))))
          (local.set $ptr (i32.add (local.get $ptr) (i32.const 4)))
          (local.set $len (i32.sub (local.get $len) (i32.const 1)))
          (br $next)))
      (local.get $total))

    ;; checked-div(a: u32, b: u32) -> result<u32, string>
    (func (export "checked-div") (param $a i32) (param $b i32) (result i32)
      (if (i32.eqz (local.get $b))
        (then
          (i32.store8 (i32.const 96) (i32.const 1))
          (i32.store offset=4 (i32.const 96) (i32.const 16))
          (i32.store offset=8 (i32.const 96) (i32.const 16))
          (return (i32.const 96))))
      (i32.store8 (i32.const 96) (i32.const 0))
      (i32.store offset=4 (i32.const 96) (i32.div_u (local.get $a) (local.get $b)))
      (i32.const 96))

    ;; scale(s: shape, k: u32) -> shape: multiplies the payload (ignored for `dot`)
    (func (export "scale") (param $case i32) (param $size i32) (param $k i32) (result i32)
      (i32.store8 (i32.const 112) (local.get $case))
      (i32.store offset=4 (i32.const 112) (i32.mul (local.get $size) (local.get $k)))
      (i32.const 112))

    ;; next-color(c: color) -> color
    (func (export "next-color") (param $c i32) (result i32)
      (i32.rem_u (i32.add (local.get $c) (i32.const 1)) (i32.const 3)))

    ;; toggle(p: perms) -> perms: flips every flag
    (func (export "toggle") (param $p i32) (result i32)
      (i32.xor (local.get $p) (i32.const 7)))

    ;; half(x: f64) -> f64
    (func (export "half") (param f64) (result f64)
      (f64.mul (local.get 0) (f64.const 0.5)))

    (func (export "noop"))
    (func (export "boom") unreachable)

    ;; geometry#double(x: u32) -> u32
    (func (export "double") (param i32) (result i32)
      (i32.shl (local.get 0) (i32.const 1)))
  )
  (core instance $i (instantiate $m))

  (type $point' (record (field "x" s32) (field "y" s32)))
  (export $point "point" (type $point'))
  (type $shape' (variant (case "circle" u32) (case "square" u32) (case "dot")))
  (export $shape "shape" (type $shape'))
  (type $color' (enum "red" "green" "blue"))
  (export $color "color" (type $color'))
  (type $perms' (flags "read" "write" "exec"))
  (export $perms "perms" (type $perms'))

  (func (export "flip") (param "p" $point) (result $point)
    (canon lift (core func $i "flip") (memory (core memory $i "memory"))))
  (func (export "first") (param "l" (list u32)) (result (option u32))
    (canon lift (core func $i "first") (memory (core memory $i "memory")) (realloc (core func $i "cabi_realloc"))))
  (func (export "sum") (param "l" (list u32)) (result u64)
    (canon lift (core func $i "sum") (memory (core memory $i "memory")) (realloc (core func $i "cabi_realloc"))))
  (func (export "checked-div") (param "a" u32) (param "b" u32) (result (result u32 (error string)))
    (canon lift (core func $i "checked-div") (memory (core memory $i "memory"))))
  (func (export "scale") (param "s" $shape) (param "k" u32) (result $shape)
    (canon lift (core func $i "scale") (memory (core memory $i "memory"))))
  (func (export "next-color") (param "c" $color) (result $color)
    (canon lift (core func $i "next-color")))
  (func (export "toggle") (param "p" $perms) (result $perms)
    (canon lift (core func $i "toggle")))
  (func (export "half") (param "x" f64) (result f64)
    (canon lift (core func $i "half")))
  (func (export "noop") (canon lift (core func $i "noop")))
  (func (export "boom") (canon lift (core func $i "boom")))

  (func $double (param "x" u32) (result u32) (canon lift (core func $i "double")))
  (instance $geometry (export "double" (func $double)))
  (export "example:shapes/geometry@1.0.0" (instance $geometry))
  (export "tools" (instance $geometry))
)
