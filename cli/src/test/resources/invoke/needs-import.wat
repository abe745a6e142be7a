;; A component that imports a function the command line cannot provide.
(component
  (import "log" (func $log (param "msg" string)))
  (core module $m
    (func (export "run")))
  (core instance $i (instantiate $m))
  (func (export "run") (canon lift (core func $i "run")))
)
