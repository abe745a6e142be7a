;; For the concurrency contract: `tag` copies a string into the guest's memory (through realloc),
;; counts the call in a global (a lost update would show), calls the host's `pause` while it holds
;; the string, and returns "<n>:<string>"; post-return frees everything, so the instance can be
;; called any number of times. Two threads in one instance at once would see each other's heap.
(component $threads
  (import "pause" (func $pause))

  (core module $libc
    (memory (export "mem") 1)
    (global $heap (export "heap") (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
      (local $p i32)
      (local.set $p (global.get $heap))
      (global.set $heap (i32.add (global.get $heap) (local.get $size)))
      (local.get $p)))
  (core instance $libc (instantiate $libc))

  (core func $pause-l (canon lower (func $pause)))

  (core module $main
    (import "host" "pause" (func $pause))
    (import "libc" "mem" (memory 1))
    (import "libc" "heap" (global $heap (mut i32)))
    (global $calls (mut i32) (i32.const 0))
    ;; tag(ptr, len) -> ptr to (ptr, len) of "<calls in decimal>:<string>"
    (func (export "tag") (param $p i32) (param $len i32) (result i32)
      (local $out i32) (local $digits i32) (local $n i32) (local $i i32) (local $ret i32)
      (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
      (call $pause)
      ;; the digits of $calls, written backwards into a 10-byte scratch at 16
      (local.set $n (global.get $calls))
      (local.set $i (i32.const 26))
      (loop $d
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (i32.store8 (local.get $i) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
        (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
        (br_if $d (local.get $n)))
      (local.set $digits (i32.sub (i32.const 26) (local.get $i)))
      ;; out = heap; heap += digits + 1 + len + 8
      (local.set $out (global.get $heap))
      (memory.copy (local.get $out) (local.get $i) (local.get $digits))
      (i32.store8 (i32.add (local.get $out) (local.get $digits)) (i32.const 58))
      (memory.copy (i32.add (local.get $out) (i32.add (local.get $digits) (i32.const 1))) (local.get $p) (local.get $len))
      (local.set $ret (i32.and (i32.add (i32.add (local.get $out) (i32.add (local.get $digits) (i32.add (local.get $len) (i32.const 1)))) (i32.const 3)) (i32.const -4)))
      (i32.store (local.get $ret) (local.get $out))
      (i32.store offset=4 (local.get $ret) (i32.add (local.get $digits) (i32.add (local.get $len) (i32.const 1))))
      (global.set $heap (i32.add (local.get $ret) (i32.const 8)))
      (local.get $ret))
    (func (export "tag-post") (param i32)
      (global.set $heap (i32.const 1024)))
    (func (export "calls") (result i32) (global.get $calls)))
  (core instance $host (export "pause" (func $pause-l)))
  (core instance $main (instantiate $main (with "host" (instance $host)) (with "libc" (instance $libc))))

  (func (export "tag") (param "s" string) (result string)
    (canon lift (core func $main "tag") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))
      (post-return (core func $main "tag-post"))))
  (func (export "calls") (result u32) (canon lift (core func $main "calls")))
)
