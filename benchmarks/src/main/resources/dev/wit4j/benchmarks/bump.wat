;; `upper: func(s: string) -> string`: the ASCII upper-case copy of a string, in a guest whose
;; allocator only bumps a pointer and never frees, growing memory a page at a time when the next
;; block does not fit: every call takes new memory (the argument, then the copy), so a long run
;; grows memory by hundreds of megabytes, a page at a time. For the memory-growth benchmark.
(component
  (core module $impl
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 1024))

    (func $alloc (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
      (local $at i32) (local $end i32)
      ;; align up, then take the block; grow a page at a time until it fits
      (local.set $at (i32.and (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
                              (i32.sub (i32.const 0) (local.get $align))))
      (local.set $end (i32.add (local.get $at) (local.get $size)))
      (block $fits
        (loop $grow
          (br_if $fits (i32.le_u (local.get $end) (i32.mul (memory.size) (i32.const 65536))))
          (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
          (br $grow)))
      (global.set $next (local.get $end))
      (local.get $at))

    ;; The result (ptr, len) goes to a return area at address 16.
    (func (export "upper") (param $ptr i32) (param $len i32) (result i32)
      (local $out i32) (local $i i32) (local $c i32)
      (local.set $out (call $alloc (i32.const 0) (i32.const 0) (i32.const 1) (local.get $len)))
      (block $done
        (loop $each
          (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
          (local.set $c (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
          (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
            (then (local.set $c (i32.sub (local.get $c) (i32.const 32)))))
          (i32.store8 (i32.add (local.get $out) (local.get $i)) (local.get $c))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $each)))
      (i32.store (i32.const 16) (local.get $out))
      (i32.store (i32.const 20) (local.get $len))
      (i32.const 16))
  )
  (core instance $i (instantiate $impl))
  (func (export "upper") (param "s" string) (result string)
    (canon lift (core func $i "upper") (memory (core memory $i "memory")) (realloc (core func $i "cabi_realloc"))))
)
