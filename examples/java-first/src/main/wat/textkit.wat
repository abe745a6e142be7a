;; The component behind examples/java-first, written by hand against the WIT the processor derives
;; from TextTools.java and Logger.java (target/classes/META-INF/wit/example/textkit/): it imports
;; `example:textkit/logger` (implemented in Java) and exports `example:textkit/text-tools`.
;; Rebuild textkit.wasm with ../build.sh.
(component $textkit
  (import "example:textkit/logger@1.0.0" (instance $logger
    (export "log" (func (param "message" string)))))
  (alias export $logger "log" (func $log))

  (core module $libc
    (memory (export "mem") 1)
    (global $heap (mut i32) (i32.const 1024))
    ;; A bump allocator: enough for a component that never frees.
    (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
      (global.set $heap (i32.add (local.get $p) (local.get $size)))
      (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
        (then (drop (memory.grow (i32.const 1)))))
      (local.get $p)))
  (core instance $libc (instantiate $libc))

  (core func $log-l (canon lower (func $log) (memory (core memory $libc "mem"))))

  (core module $main
    (import "host" "log" (func $log (param i32 i32)))
    (import "libc" "mem" (memory 1))
    (import "libc" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))

    ;; shout(text): logs text through the import, then returns the upper-cased ASCII letters of
    ;; text + "!" through a return area (ptr, len)
    (func (export "shout") (param $p i32) (param $n i32) (result i32)
      (local $out i32) (local $i i32) (local $c i32) (local $r i32)
      (call $log (local.get $p) (local.get $n))
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
      (local.get $r))

    ;; count(words): the length of the list
    (func (export "count") (param $p i32) (param $n i32) (result i32)
      (local.get $n))

    ;; total(xs): the sum of the s32 elements as s64
    (func (export "total") (param $p i32) (param $n i32) (result i64)
      (local $s i64)
      (block $done
        (loop $next
          (br_if $done (i32.eqz (local.get $n)))
          (local.set $s (i64.add (local.get $s) (i64.extend_i32_s (i32.load (local.get $p)))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next)))
      (local.get $s)))
  (core instance $host (export "log" (func $log-l)))
  (core instance $main (instantiate $main (with "host" (instance $host)) (with "libc" (instance $libc))))

  (func $shout (param "text" string) (result string)
    (canon lift (core func $main "shout") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $count (param "words" (list string)) (result u32)
    (canon lift (core func $main "count") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $total (param "xs" (list s32)) (result s64)
    (canon lift (core func $main "total") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (instance $text-tools
    (export "shout" (func $shout))
    (export "count" (func $count))
    (export "total" (func $total)))
  (export "example:textkit/text-tools@1.0.0" (instance $text-tools))
)
