;; A component written by hand: an imported interface with a resource (constructor, method,
;; static function), a named list type, a world-level `use` of the resource, a function import
;; and the re-export of that import.
(component
  (type $files-type (instance
    (export "file" (type (sub resource)))
    (type (own 0))
    (type (borrow 0))
    (type (func (param "path" string) (result 1)))
    (export "[constructor]file" (func (type 3)))
    (type (func (param "self" 2) (result u64)))
    (export "[method]file.size" (func (type 4)))
    (type (func (param "a" 2) (param "b" 2) (result bool)))
    (export "[static]file.same" (func (type 5)))
    (type (list u8))
    (export "bytes" (type (eq 6)))
    (type (func (param "f" 2) (result (option 7))))
    (export "read" (func (type 9)))
  ))
  (import "test:fs/files@0.1.0" (instance $files (type $files-type)))
  (alias export $files "file" (type $file))
  (import "file" (type $world-file (eq $file)))
  (type $own-file (own $world-file))
  (type $close-type (func (param "f" $own-file)))
  (import "close" (func $close (type $close-type)))
  (export "discard" (func $close))
)
