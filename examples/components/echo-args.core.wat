;; A core module for WASI preview1 that `jco new --wasi-command` wraps into a WASI 0.2 command
;; component (echo-args.wasm). `_start` prints each argument on its own line, then each environment
;; variable `K=V` on its own line, and calls proc_exit(3) if an argument is "--fail". The preview1
;; adapter jco ships maps any non-zero proc_exit to wasi:cli/exit `exit(err)` (it has no
;; exit-with-code), so the component exits with code 1.
;; Memory: 0 an iovec, 16 nwritten, 20 count, 24 buffer size, 40 "\n", 48 "--fail",
;; 4096 the pointer array followed by the string buffer (memory grows to fit).
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 40) "\n")
  (data (i32.const 48) "--fail")

  ;; Grows memory so that [0, end) is addressable.
  (func $ensure (param $end i32)
    (local $pages i32)
    (local.set $pages (i32.shr_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then (drop (memory.grow (i32.sub (local.get $pages) (memory.size)))))))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; Writes the len bytes at p to stdout, one iovec at a time: the adapter writes only the first
  ;; iovec of a call, so a partial write continues from nwritten.
  (func $write (param $p i32) (param $len i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $len)))
        (i32.store (i32.const 0) (local.get $p))
        (i32.store (i32.const 4) (local.get $len))
        (br_if $done (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16)))
        (br_if $done (i32.eqz (i32.load (i32.const 16))))
        (local.set $p (i32.add (local.get $p) (i32.load (i32.const 16))))
        (local.set $len (i32.sub (local.get $len) (i32.load (i32.const 16))))
        (br $next))))

  (func $println (param $p i32) (param $len i32)
    (call $write (local.get $p) (local.get $len))
    (call $write (i32.const 40) (i32.const 1)))

  (func $isFail (param $p i32) (param $len i32) (result i32)
    (local $i i32)
    (if (i32.ne (local.get $len) (i32.const 6)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $i) (i32.const 6)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $p) (local.get $i)))
                    (i32.load8_u (i32.add (i32.const 48) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; Fetches (with args_get or environ_get) and prints each string; returns 1 if one is "--fail".
  (func $printAll (param $isArgs i32) (result i32)
    (local $count i32) (local $i i32) (local $p i32) (local $len i32) (local $fail i32)
    (if (local.get $isArgs)
      (then (drop (call $args_sizes_get (i32.const 20) (i32.const 24))))
      (else (drop (call $environ_sizes_get (i32.const 20) (i32.const 24)))))
    (local.set $count (i32.load (i32.const 20)))
    (call $ensure (i32.add (i32.add (i32.const 4096) (i32.shl (local.get $count) (i32.const 2)))
                           (i32.load (i32.const 24))))
    (if (local.get $isArgs)
      (then (drop (call $args_get (i32.const 4096)
                        (i32.add (i32.const 4096) (i32.shl (local.get $count) (i32.const 2))))))
      (else (drop (call $environ_get (i32.const 4096)
                        (i32.add (i32.const 4096) (i32.shl (local.get $count) (i32.const 2)))))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $p (i32.load (i32.add (i32.const 4096) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $len (call $strlen (local.get $p)))
        (call $println (local.get $p) (local.get $len))
        (if (call $isFail (local.get $p) (local.get $len)) (then (local.set $fail (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $fail))

  (func (export "_start")
    (local $fail i32)
    (local.set $fail (call $printAll (i32.const 1)))
    (drop (call $printAll (i32.const 0)))
    (if (local.get $fail) (then (call $proc_exit (i32.const 3))))))
