;; A valid component that WIT cannot describe: it exports a type at its top level.
(component
  (type $point (record (field "x" u32) (field "y" u32)))
  (export "point" (type $point))
)
