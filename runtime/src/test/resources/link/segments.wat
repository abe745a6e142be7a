(component $segments
  ;; a module with active and passive data segments in a memory of its own
  (core module $own
    (memory (export "mem") 1)
    (data (i32.const 16) "hello")
    (data (i32.const 1000) "world")
    (data $later "later")
    (func (export "byte") (param i32) (result i32) local.get 0 i32.load8_u)
    (func (export "init") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.init $later)
    (func (export "drop") data.drop $later)
    (func (export "init-active") (param i32) i32.const 0 i32.const 0 local.get 0 memory.init 0))
  ;; a module whose segments go into the memory it imports
  (core module $user
    (import "own" "mem" (memory 1))
    (data (i32.const 2000) "imported")
    (data $more "more")
    (func (export "init") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.init $more))
  (core instance $o (instantiate $own))
  (core instance $u (instantiate $user (with "own" (instance $o))))
  (func (export "byte") (param "addr" u32) (result u32) (canon lift (core func $o "byte")))
  (func (export "init") (param "dest" u32) (param "from" u32) (param "len" u32) (canon lift (core func $o "init")))
  (func (export "drop") (canon lift (core func $o "drop")))
  (func (export "init-active") (param "len" u32) (canon lift (core func $o "init-active")))
  (func (export "init-more") (param "dest" u32) (param "from" u32) (param "len" u32) (canon lift (core func $u "init"))))
