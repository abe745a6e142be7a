;; A spinning function exported from a nested component instance: a call from the host enters the
;; nested instance and its parent, for the deadline and interrupt tests.
(component
  (component $inner
    (core module $m (func (export "spin") (loop $l (br $l))))
    (core instance $i (instantiate $m))
    (func (export "spin") (canon lift (core func $i "spin"))))
  (instance $inner-i (instantiate $inner))
  (export "spin" (func $inner-i "spin")))
