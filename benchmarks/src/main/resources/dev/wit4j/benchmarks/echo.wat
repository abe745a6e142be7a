;; `echo: func(s: string) -> string` for the string-passing benchmark. The allocator hands out the
;; same block on every call (growing memory when asked for more), which is enough because a call
;; holds one allocation at a time: the argument string, echoed back from where it lies.
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

    ;; The result (ptr, len) goes to a return area at address 16.
    (func (export "echo") (param $ptr i32) (param $len i32) (result i32)
      (i32.store (i32.const 16) (local.get $ptr))
      (i32.store (i32.const 20) (local.get $len))
      (i32.const 16))

    (func (export "add") (param i32 i32) (result i32)
      (i32.add (local.get 0) (local.get 1)))
  )
  (core instance $i (instantiate $impl))
  (func (export "echo") (param "s" string) (result string)
    (canon lift (core func $i "echo") (memory (core memory $i "memory")) (realloc (core func $i "cabi_realloc"))))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $i "add")))
)
