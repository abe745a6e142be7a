;; A component that spins forever or grows its memory on request, for the limit options of invoke.
(component
  (core module $m
    (memory 1)
    (func (export "spin") (loop $l (br $l)))
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
  (core instance $i (instantiate $m))
  (func (export "spin") (canon lift (core func $i "spin")))
  (func (export "grow") (param "pages" u32) (result s32) (canon lift (core func $i "grow"))))
