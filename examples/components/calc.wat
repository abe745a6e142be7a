;; A small component used by the README's first command and by the CLI tests:
;; `add: func(a: u32, b: u32) -> u32` and `greet: func(name: string) -> string`.
(component
  (core module $impl
    (memory (export "memory") 1)
    (global $heap (mut i32) (i32.const 1024))

    ;; A bump allocator: enough for a component that never frees.
    (func $realloc (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
      (local $ptr i32)
      (local.set $ptr
        (i32.and
          (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
          (i32.xor (i32.sub (local.get $align) (i32.const 1)) (i32.const -1))))
      (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
      (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
        (then (drop (memory.grow (i32.const 1)))))
      (local.get $ptr))

    (func (export "add") (param i32 i32) (result i32)
      (i32.add (local.get 0) (local.get 1)))

    ;; greet(name) = "Hello, " + name + "!", returned through a return area (ptr, len).
    (data (i32.const 16) "Hello, !")
    (func (export "greet") (param $ptr i32) (param $len i32) (result i32)
      (local $out i32) (local $area i32)
      (local.set $out (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (local.get $len) (i32.const 8))))
      (memory.copy (local.get $out) (i32.const 16) (i32.const 7))
      (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $ptr) (local.get $len))
      (i32.store8 (i32.add (local.get $out) (i32.add (local.get $len) (i32.const 7))) (i32.const 33))
      (local.set $area (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
      (i32.store (local.get $area) (local.get $out))
      (i32.store offset=4 (local.get $area) (i32.add (local.get $len) (i32.const 8)))
      (local.get $area))
  )
  (core instance $i (instantiate $impl))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $i "add")))
  (func (export "greet") (param "name" string) (result string)
    (canon lift (core func $i "greet") (memory (core memory $i "memory")) (realloc (core func $i "cabi_realloc"))))
)
