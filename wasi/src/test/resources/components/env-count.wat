;; The world t:env-count/env-count (src/test/wit/env-count): `count` returns tag(the number of
;; environment variables), reading them through wasi:cli/environment. Rebuild env-count.wasm with
;; ./build.sh.
(component
  (import "wasi:cli/environment@0.2.12" (instance $env
    (export "get-environment" (func (result (list (tuple string string)))))))
  (import "t:env-count/tag" (instance $tag
    (export "tag" (func (param "n" u32) (result u32)))))
  ;; the memory and allocator the lowered get-environment writes its list with
  (core module $heap
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $at i32)
      ;; bump allocation, aligned: never freed
      (local.set $at (i32.and (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
                              (i32.sub (i32.const 0) (local.get 2))))
      (global.set $next (i32.add (local.get $at) (local.get 3)))
      (local.get $at)))
  (core instance $h (instantiate $heap))
  (alias core export $h "memory" (core memory $memory))
  (alias core export $h "realloc" (core func $realloc))
  (alias export $env "get-environment" (func $get))
  (core func $get_lowered (canon lower (func $get) (memory $memory) (realloc $realloc)))
  (alias export $tag "tag" (func $tagf))
  (core func $tag_lowered (canon lower (func $tagf)))
  (core module $main
    (import "heap" "memory" (memory 1))
    (import "env" "get-environment" (func $get (param i32)))
    (import "tag" "tag" (func $tag (param i32) (result i32)))
    ;; the list comes back at 16: its address, then its length
    (func (export "count") (result i32)
      (call $get (i32.const 16))
      (call $tag (i32.load (i32.const 20)))))
  (core instance $m (instantiate $main
    (with "heap" (instance $h))
    (with "env" (instance (export "get-environment" (func $get_lowered))))
    (with "tag" (instance (export "tag" (func $tag_lowered))))))
  (func (export "count") (result u32) (canon lift (core func $m "count"))))
