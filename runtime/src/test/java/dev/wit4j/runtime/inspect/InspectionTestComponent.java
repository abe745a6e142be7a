package dev.wit4j.runtime.inspect;

/**
 * A component that hands one of its three imports to a nested component, which lowers it into a
 * core instance; and a nested component it never instantiates.
 */
final class InspectionTestComponent {

    static final String TEXT = """
            (component
              (import "wasi:clocks/wall-clock@0.2.12" (instance $clock (export "now" (func (result u64)))))
              (import "log" (func $log (param "msg" string)))
              (import "acme:vault/secrets" (instance $secret (export "get" (func (result u32)))))
              (component $inner
                (import "clock" (instance $c (export "now" (func (result u64)))))
                (core module $m
                  (import "c" "now" (func $now (result i64)))
                  (func (export "go") (result i64) call $now))
                (core func $now (canon lower (func $c "now")))
                (core instance $shim (export "now" (func $now)))
                (core instance $ci (instantiate $m (with "c" (instance $shim))))
                (func (export "go") (result u64) (canon lift (core func $ci "go"))))
              (component $unused)
              (instance $i (instantiate $inner (with "clock" (instance $clock))))
              (export "go" (func $i "go")))
            """;

    private InspectionTestComponent() {}
}
