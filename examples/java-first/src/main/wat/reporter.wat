;; A consumer of `example:textkit/text-tools` (examples/java-first): it imports the interface and
;; exports `example:textkit/report`, whose functions call it. The tests link its import once to the
;; textkit component's export and once to a Java implementation of TextTools, and compare.
;; Rebuild reporter.wasm with examples/build.sh.
(component $reporter
  (import "example:textkit/text-tools@1.0.0" (instance $tt
    (export "tally" (type $tally (sub resource)))
    (export "shout" (func (param "text" string) (result string)))
    (export "[constructor]tally" (func (result (own $tally))))
    (export "[method]tally.add" (func (param "self" (borrow $tally)) (param "n" u32)))
    (export "[method]tally.sum" (func (param "self" (borrow $tally)) (result u64)))))
  (alias export $tt "tally" (type $tally))
  (alias export $tt "shout" (func $shout))
  (alias export $tt "[constructor]tally" (func $new-tally))
  (alias export $tt "[method]tally.add" (func $tally-add))
  (alias export $tt "[method]tally.sum" (func $tally-sum))

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

  (core func $shout-l (canon lower (func $shout) (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (core func $new-tally-l (canon lower (func $new-tally)))
  (core func $tally-add-l (canon lower (func $tally-add)))
  (core func $tally-sum-l (canon lower (func $tally-sum)))
  (core func $tally-drop (canon resource.drop $tally))

  (core module $main
    (import "tt" "shout" (func $shout (param i32 i32 i32)))
    (import "tt" "new-tally" (func $new-tally (result i32)))
    (import "tt" "tally-add" (func $tally-add (param i32 i32)))
    (import "tt" "tally-sum" (func $tally-sum (param i32) (result i64)))
    (import "tt" "tally-drop" (func $tally-drop (param i32)))
    (import "libc" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))

    ;; loud(text): shout(text), whose (ptr, len) the import writes to a return area in our memory
    (func (export "loud") (param $p i32) (param $n i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
      (call $shout (local.get $p) (local.get $n) (local.get $r))
      (local.get $r))

    ;; tallied(a, b): a new tally (own handle), a and b added through borrows, its sum; then dropped
    (func (export "tallied") (param $a i32) (param $b i32) (result i64)
      (local $t i32) (local $s i64)
      (local.set $t (call $new-tally))
      (call $tally-add (local.get $t) (local.get $a))
      (call $tally-add (local.get $t) (local.get $b))
      (local.set $s (call $tally-sum (local.get $t)))
      (call $tally-drop (local.get $t))
      (local.get $s))

    ;; misuse(): borrows a handle after dropping it, which the canonical ABI turns into a trap
    (func (export "misuse") (result i64)
      (local $t i32)
      (local.set $t (call $new-tally))
      (call $tally-drop (local.get $t))
      (call $tally-sum (local.get $t))))
  (core instance $tt-core
    (export "shout" (func $shout-l))
    (export "new-tally" (func $new-tally-l))
    (export "tally-add" (func $tally-add-l))
    (export "tally-sum" (func $tally-sum-l))
    (export "tally-drop" (func $tally-drop)))
  (core instance $main (instantiate $main (with "tt" (instance $tt-core)) (with "libc" (instance $libc))))

  (func $loud (param "text" string) (result string)
    (canon lift (core func $main "loud") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $tallied (param "a" u32) (param "b" u32) (result u64)
    (canon lift (core func $main "tallied")))
  (func $misuse (result u64)
    (canon lift (core func $main "misuse")))
  (instance $report
    (export "loud" (func $loud))
    (export "tallied" (func $tallied))
    (export "misuse" (func $misuse)))
  (export "example:textkit/report@1.0.0" (instance $report))
)
