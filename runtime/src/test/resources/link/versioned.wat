;; Imports an interface at version 0.2.10; a host that provides 0.2.12 satisfies it.
(component $versioned
  (import "test:ver/api@0.2.10" (instance $api (export "answer" (func (result u32)))))
  (alias export $api "answer" (func $answer))
  (core func $answer-l (canon lower (func $answer)))
  (core module $m
    (import "api" "answer" (func $answer (result i32)))
    (func (export "run") (result i32) (i32.add (call $answer) (i32.const 1))))
  (core instance $i (instantiate $m (with "api" (instance (export "answer" (func $answer-l))))))
  (func (export "run") (result u32) (canon lift (core func $i "run")))
)
