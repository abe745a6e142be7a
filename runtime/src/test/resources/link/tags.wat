;; Core exception tags crossing core instances: a tag module's tag, aliased out of its instance and
;; bundled into a synthesized instance, is imported by a thrower and a catcher, and the catch
;; matches the thrower's exceptions.
(component
  (core module $Tag (tag (export "t") (param i32)))
  (core module $Thrower
    (import "tag" "t" (tag $t (param i32)))
    (func (export "throw-if") (param i32)
      (if (local.get 0) (then (throw $t (local.get 0))))))
  (core module $Catcher
    (import "tag" "t" (tag $t (param i32)))
    (import "thrower" "throw-if" (func $throw-if (param i32)))
    (func (export "run") (param i32) (result i32)
      (block $h (result i32)
        (try_table (catch $t $h)
          (call $throw-if (local.get 0)))
        (return (i32.const 99)))))
  (core instance $tag (instantiate $Tag))
  (alias core export $tag "t" (core tag $t))
  (core instance $bundle (export "t" (tag $t)))
  (core instance $thrower (instantiate $Thrower (with "tag" (instance $bundle))))
  (core instance $catcher (instantiate $Catcher
    (with "tag" (instance $tag))
    (with "thrower" (instance $thrower))))
  (func (export "run") (param "x" u32) (result u32)
    (canon lift (core func $catcher "run")))
)
