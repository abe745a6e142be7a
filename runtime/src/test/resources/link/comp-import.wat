;; Imports a component and instantiates it itself.
(component $comp-importer
  (import "math" (component $math
    (export "add" (func (param "a" u32) (param "b" u32) (result u32)))))
  (instance $m (instantiate $math))
  (alias export $m "add" (func $add))
  (export "add" (func $add))
)
