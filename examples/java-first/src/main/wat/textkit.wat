;; The component behind examples/java-first, written by hand against the WIT the processor derives
;; from TextTools.java and Logger.java (target/classes/META-INF/wit/example/textkit/): it imports
;; `example:textkit/logger` (implemented in Java) and exports `example:textkit/text-tools` (called
;; from Java through the TextTools interface itself). Rebuild textkit.wasm with examples/build.sh.
(component $textkit
  (import "example:textkit/logger@1.0.0" (instance $logger
    (type $level-def (enum "info" "warn"))
    (export "level" (type $level (eq $level-def)))
    (export "log" (func (param "level" $level) (param "message" string)))))
  (alias export $logger "log" (func $log))

  (core module $libc
    (memory (export "mem") 1)
    (data (i32.const 16) "span ends after width")
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

  ;; resource tally: its representation is the address of an s64 cell in linear memory
  (type $tally (resource (rep i32)))
  (core func $tally-new (canon resource.new $tally))

  (core module $main
    (import "host" "log" (func $log (param i32 i32 i32)))
    (import "host" "tally-new" (func $tally-new (param i32) (result i32)))
    (import "libc" "mem" (memory 1))
    (import "libc" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))

    ;; shout(text): logs text through the import (level warn above 10 bytes, else info), then returns
    ;; the upper-cased ASCII letters of text + "!" through a return area (ptr, len); traps on NUL
    (func (export "shout") (param $p i32) (param $n i32) (result i32)
      (local $out i32) (local $i i32) (local $c i32) (local $r i32)
      (call $log (i32.gt_u (local.get $n) (i32.const 10)) (local.get $p) (local.get $n))
      (local.set $out (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (local.get $n) (i32.const 1))))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $c (i32.load8_u (i32.add (local.get $p) (local.get $i))))
          (if (i32.eqz (local.get $c)) (then unreachable))
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
      (local.get $s))

    ;; align(span, to, width): the span moved to the left (0) or right (1) end of a line of width
    ;; bytes; the record {start, length-utf8} is returned through a return area
    (func (export "align") (param $start i32) (param $len i32) (param $to i32) (param $width i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
      (i32.store (local.get $r) (select (i32.sub (local.get $width) (local.get $len)) (i32.const 0) (local.get $to)))
      (i32.store offset=4 (local.get $r) (local.get $len))
      (local.get $r))

    ;; non-empty(span): some(span) unless its length is 0; option<span> is {tag u8, span at 4}
    (func (export "non-empty") (param $start i32) (param $len i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 12)))
      (i32.store8 (local.get $r) (i32.ne (local.get $len) (i32.const 0)))
      (i32.store offset=4 (local.get $r) (local.get $start))
      (i32.store offset=8 (local.get $r) (local.get $len))
      (local.get $r))

    ;; covered(spans): the sum of the lengths (u64); a span is 8 bytes, its length at offset 4
    (func (export "covered") (param $p i32) (param $n i32) (result i64)
      (local $s i64)
      (block $done
        (loop $next
          (br_if $done (i32.eqz (local.get $n)))
          (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (i32.load offset=4 (local.get $p)))))
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next)))
      (local.get $s))

    ;; twice(token): word(w) -> word(w), num(n) -> num(2n), gap -> gap. The flat variant is
    ;; (tag, i64 joining the string pointer and the s64, i32 string length); the result is
    ;; {tag u8, payload at 8} in a 16-byte return area
    (func (export "twice") (param $tag i32) (param $a i64) (param $b i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 16)))
      (i32.store8 (local.get $r) (local.get $tag))
      (if (i32.eqz (local.get $tag))
        (then
          (i32.store offset=8 (local.get $r) (i32.wrap_i64 (local.get $a)))
          (i32.store offset=12 (local.get $r) (local.get $b))))
      (if (i32.eq (local.get $tag) (i32.const 1))
        (then (i64.store offset=8 (local.get $r) (i64.mul (local.get $a) (i64.const 2)))))
      (local.get $r))

    ;; fit(span, width): ok(span) if it ends within width, else err("span ends after width");
    ;; result<span, string> is {tag u8, payload at 4}
    (func (export "fit") (param $start i32) (param $len i32) (param $width i32) (result i32)
      (local $r i32)
      (local.set $r (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 12)))
      (if (i64.le_u (i64.add (i64.extend_i32_u (local.get $start)) (i64.extend_i32_u (local.get $len)))
                    (i64.extend_i32_u (local.get $width)))
        (then
          (i32.store8 (local.get $r) (i32.const 0))
          (i32.store offset=4 (local.get $r) (local.get $start))
          (i32.store offset=8 (local.get $r) (local.get $len)))
        (else
          (i32.store8 (local.get $r) (i32.const 1))
          (i32.store offset=4 (local.get $r) (i32.const 16))
          (i32.store offset=8 (local.get $r) (i32.const 21))))
      (local.get $r))

    ;; [constructor]tally(): a new tally at 0 (fresh memory is zero and never reused)
    (func (export "tally") (result i32)
      (call $tally-new (call $realloc (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 8))))

    ;; [static]tally.starting-at(sum): a new tally at sum
    (func (export "tally-starting-at") (param $sum i64) (result i32)
      (local $cell i32)
      (local.set $cell (call $realloc (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 8)))
      (i64.store (local.get $cell) (local.get $sum))
      (call $tally-new (local.get $cell)))

    ;; peek(tally): its sum; a borrow of the component's own resource arrives as its representation
    (func (export "peek") (param $t i32) (result i64)
      (i64.load (local.get $t)))

    ;; [method]tally.add / sum: a borrow of the component's own resource arrives as its representation
    (func (export "tally-add") (param $self i32) (param $n i32)
      (i64.store (local.get $self) (i64.add (i64.load (local.get $self)) (i64.extend_i32_u (local.get $n)))))
    (func (export "tally-sum") (param $self i32) (result i64)
      (i64.load (local.get $self))))
  (core instance $host (export "log" (func $log-l)) (export "tally-new" (func $tally-new)))
  (core instance $main (instantiate $main (with "host" (instance $host)) (with "libc" (instance $libc))))

  (type $span (record (field "start" u32) (field "length-utf8" u32)))
  (type $side (enum "left" "right"))
  (type $token (variant (case "word" string) (case "num" s64) (case "gap")))
  (func $shout (param "text" string) (result string)
    (canon lift (core func $main "shout") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $count (param "words" (list string)) (result u32)
    (canon lift (core func $main "count") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $total (param "xs" (list s32)) (result s64)
    (canon lift (core func $main "total") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $align-f (param "span" $span) (param "to" $side) (param "width" u32) (result $span)
    (canon lift (core func $main "align") (memory (core memory $libc "mem"))))
  (func $non-empty (param "span" $span) (result (option $span))
    (canon lift (core func $main "non-empty") (memory (core memory $libc "mem"))))
  (func $covered (param "spans" (list $span)) (result u64)
    (canon lift (core func $main "covered") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $twice (param "token" $token) (result $token)
    (canon lift (core func $main "twice") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $fit (param "span" $span) (param "width" u32) (result (result $span (error string)))
    (canon lift (core func $main "fit") (memory (core memory $libc "mem"))))
  (func $tally-f (result (own $tally))
    (canon lift (core func $main "tally")))
  (func $tally-starting-at (param "sum" u64) (result (own $tally))
    (canon lift (core func $main "tally-starting-at")))
  (func $peek (param "tally" (borrow $tally)) (result u64)
    (canon lift (core func $main "peek")))
  (func $tally-add (param "self" (borrow $tally)) (param "n" u32)
    (canon lift (core func $main "tally-add")))
  (func $tally-sum (param "self" (borrow $tally)) (result u64)
    (canon lift (core func $main "tally-sum")))

  ;; The interface as wit-component lays it out: a component that re-exports the functions with
  ;; the types it exports, so that the exported instance names every type it uses.
  (component $text-tools
    (type $span-def (record (field "start" u32) (field "length-utf8" u32)))
    (import "import-type-span" (type $span-in (eq $span-def)))
    (type $side-def (enum "left" "right"))
    (import "import-type-side" (type $side-in (eq $side-def)))
    (type $token-def (variant (case "word" string) (case "num" s64) (case "gap")))
    (import "import-type-token" (type $token-in (eq $token-def)))
    (import "import-type-tally" (type $tally-in (sub resource)))
    (import "import-func-shout" (func $shout (param "text" string) (result string)))
    (import "import-func-count" (func $count (param "words" (list string)) (result u32)))
    (import "import-func-total" (func $total (param "xs" (list s32)) (result s64)))
    (import "import-func-align" (func $align-f (param "span" $span-in) (param "to" $side-in) (param "width" u32) (result $span-in)))
    (import "import-func-non-empty" (func $non-empty (param "span" $span-in) (result (option $span-in))))
    (import "import-func-covered" (func $covered (param "spans" (list $span-in)) (result u64)))
    (import "import-func-twice" (func $twice (param "token" $token-in) (result $token-in)))
    (import "import-func-fit" (func $fit (param "span" $span-in) (param "width" u32) (result (result $span-in (error string)))))
    (import "import-constructor-tally" (func $tally-f (result (own $tally-in))))
    (import "import-static-tally-starting-at" (func $tally-starting-at (param "sum" u64) (result (own $tally-in))))
    (import "import-func-peek" (func $peek (param "tally" (borrow $tally-in)) (result u64)))
    (import "import-method-tally-add" (func $tally-add (param "self" (borrow $tally-in)) (param "n" u32)))
    (import "import-method-tally-sum" (func $tally-sum (param "self" (borrow $tally-in)) (result u64)))
    (export $span "span" (type $span-in))
    (export $side "side" (type $side-in))
    (type $token-out (variant (case "word" string) (case "num" s64) (case "gap")))
    (export $token "token" (type $token-out))
    (export $tally "tally" (type $tally-in))
    (export "[constructor]tally" (func $tally-f) (func (result (own $tally))))
    (export "[static]tally.starting-at" (func $tally-starting-at) (func (param "sum" u64) (result (own $tally))))
    (export "[method]tally.add" (func $tally-add) (func (param "self" (borrow $tally)) (param "n" u32)))
    (export "[method]tally.sum" (func $tally-sum) (func (param "self" (borrow $tally)) (result u64)))
    (export "shout" (func $shout))
    (export "count" (func $count))
    (export "total" (func $total))
    (export "align" (func $align-f) (func (param "span" $span) (param "to" $side) (param "width" u32) (result $span)))
    (export "non-empty" (func $non-empty) (func (param "span" $span) (result (option $span))))
    (export "covered" (func $covered) (func (param "spans" (list $span)) (result u64)))
    (export "twice" (func $twice) (func (param "token" $token) (result $token)))
    (export "fit" (func $fit) (func (param "span" $span) (param "width" u32) (result (result $span (error string)))))
    (export "peek" (func $peek) (func (param "tally" (borrow $tally)) (result u64))))
  (instance $text-tools-instance (instantiate $text-tools
    (with "import-type-span" (type $span))
    (with "import-type-side" (type $side))
    (with "import-type-token" (type $token))
    (with "import-type-tally" (type $tally))
    (with "import-func-shout" (func $shout))
    (with "import-func-count" (func $count))
    (with "import-func-total" (func $total))
    (with "import-func-align" (func $align-f))
    (with "import-func-non-empty" (func $non-empty))
    (with "import-func-covered" (func $covered))
    (with "import-func-twice" (func $twice))
    (with "import-func-fit" (func $fit))
    (with "import-constructor-tally" (func $tally-f))
    (with "import-static-tally-starting-at" (func $tally-starting-at))
    (with "import-func-peek" (func $peek))
    (with "import-method-tally-add" (func $tally-add))
    (with "import-method-tally-sum" (func $tally-sum))))
  (export "example:textkit/text-tools@1.0.0" (instance $text-tools-instance))
)
