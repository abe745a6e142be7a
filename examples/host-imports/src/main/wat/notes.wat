;; The component behind examples/host-imports, written by hand against src/main/wit/notes.wit:
;; it imports `log` and the host resource `pad` of `example:notes/store` (constructor, methods
;; with string arguments and results, resource.drop) and exports `run`.
;; Rebuild notes.wasm with ../build.sh.
(component $notes
  (import "example:notes/store" (instance $store
    (export "pad" (type $pad (sub resource)))
    (export "[constructor]pad" (func (param "title" string) (result (own $pad))))
    (export "[method]pad.add" (func (param "self" (borrow $pad)) (param "line" string)))
    (export "[method]pad.count" (func (param "self" (borrow $pad)) (result u32)))
    (export "[method]pad.title" (func (param "self" (borrow $pad)) (result string)))))
  (import "log" (func $log (param "msg" string)))
  (alias export $store "pad" (type $pad))
  (alias export $store "[constructor]pad" (func $new-pad))
  (alias export $store "[method]pad.add" (func $add))
  (alias export $store "[method]pad.count" (func $count))
  (alias export $store "[method]pad.title" (func $title))

  (core module $libc
    (memory (export "mem") 1)
    (global $heap (mut i32) (i32.const 1024))
    (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
      (global.set $heap (i32.add (local.get $p) (local.get $size)))
      (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
        (then (drop (memory.grow (i32.const 1)))))
      (local.get $p)))
  (core instance $libc (instantiate $libc))

  (core func $new-pad-l (canon lower (func $new-pad) (memory (core memory $libc "mem"))))
  (core func $add-l (canon lower (func $add) (memory (core memory $libc "mem"))))
  (core func $count-l (canon lower (func $count)))
  (core func $title-l (canon lower (func $title) (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (core func $drop-l (canon resource.drop $pad))
  (core func $log-l (canon lower (func $log) (memory (core memory $libc "mem"))))

  (core module $main
    (import "host" "new-pad" (func $new-pad (param i32 i32) (result i32)))
    (import "host" "add" (func $add (param i32 i32 i32)))
    (import "host" "count" (func $count (param i32) (result i32)))
    (import "host" "title" (func $title (param i32 i32)))
    (import "host" "drop" (func $drop (param i32)))
    (import "host" "log" (func $log (param i32 i32)))
    (import "libc" "mem" (memory 1))
    ;; run(title, lines): the list holds (ptr, len) pairs, 8 bytes each
    (func (export "run") (param $t i32) (param $tn i32) (param $lines i32) (param $n i32) (result i32)
      (local $h i32) (local $i i32) (local $e i32) (local $count i32)
      (local.set $h (call $new-pad (local.get $t) (local.get $tn)))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $e (i32.add (local.get $lines) (i32.mul (local.get $i) (i32.const 8))))
          (call $add (local.get $h) (i32.load (local.get $e)) (i32.load offset=4 (local.get $e)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (local.set $count (call $count (local.get $h)))
      ;; the title comes back as (ptr, len) in a return area at 8
      (call $title (local.get $h) (i32.const 8))
      (call $log (i32.load (i32.const 8)) (i32.load (i32.const 12)))
      (call $drop (local.get $h))
      (local.get $count)))
  (core instance $host
    (export "new-pad" (func $new-pad-l)) (export "add" (func $add-l)) (export "count" (func $count-l))
    (export "title" (func $title-l)) (export "drop" (func $drop-l)) (export "log" (func $log-l)))
  (core instance $main (instantiate $main (with "host" (instance $host)) (with "libc" (instance $libc))))

  (func (export "run") (param "title" string) (param "lines" (list string)) (result u32)
    (canon lift (core func $main "run") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
)
