package dev.wit4j.witx.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.resolve.WitResolver;
import org.junit.jupiter.api.Test;

/** The exact layout of {@code wasm-tools component wit} (crates/wit-component/src/printing.rs). */
class WitPrinterTest {

    private static String roundTrip(String source) {
        Resolve r = WitResolver.create().withAllFeatures().string("t.wit", source);
        String printed = WitPrinter.print(r);
        assertEquals(
                printed,
                WitPrinter.print(WitResolver.create().withAllFeatures().string("again.wit", printed)),
                "print -> parse -> print is not stable");
        return printed;
    }

    @Test
    void usesFirstAndMergedPerInterfaceThenEachDefinitionAndFunctionSetOffByABlankLine() {
        assertEquals("""
                package a:b;

                interface base {
                  type t = u32;

                  resource r;

                  type h = own<r>;
                }

                interface user {
                  use base.{t, r as res, h};

                  /// A record.
                  record empty {
                  }

                  flags f {
                    /// first
                    x,
                  }

                  resource thing {
                    constructor() -> result<thing, string>;
                    /// Reads.
                    read: func() -> t;
                    make: static func(n: borrow<res>) -> thing;
                  }

                  f1: func(a: t) -> h;

                  async-one: async func();
                }

                """, roundTrip("""
                package a:b;
                interface base { type t = u32; resource r; type h = own<r>; }
                interface user {
                  use base.{t};
                  /// A record.
                  record empty {}
                  use base.{r as res};
                  flags f { /// first
                    x }
                  use base.{h};
                  resource thing {
                    constructor() -> result<thing, string>;
                    /// Reads.
                    read: func() -> t;
                    make: static func(n: borrow<res>) -> thing;
                  }
                  f1: func(a: t) -> h;
                  async-one: async func();
                }
                """));
    }

    @Test
    void worldInterfaceImportsThenTypesThenFunctionImportsThenExports() {
        assertEquals("""
                package a:b;

                interface i {
                  type t = u8;
                }

                world w {
                  import i;
                  import inline: interface {
                    f: func();
                  }
                  use i.{t};

                  record r {
                    x: t,
                  }
                  import g: func(x: t);

                  /// exported
                  export run: func() -> r;
                  export i;
                }
                world second {
                }
                """, roundTrip("""
                package a:b;
                interface i { type t = u8; }
                world w {
                  import g: func(x: t);
                  use i.{t};
                  import i;
                  record r { x: t }
                  import inline: interface { f: func(); }
                  /// exported
                  export run: func() -> r;
                  export i;
                }
                world second {}
                """));
    }

    @Test
    void otherPackagesAreNestedBlocksSeparatedByTwoBlankLines() {
        assertEquals("""
                package a:b;

                world w {
                  import c:d/x@1.0.0;
                  import e:f/y;
                }
                package c:d@1.0.0 {
                  @since(version = 1.0.0)
                  interface x {
                    @unstable(feature = fancy)
                    type t = u8;
                  }
                  world unused {
                  }
                }


                package e:f {
                  interface y {
                    use c:d/x@1.0.0.{t};
                  }
                }
                """, roundTrip("""
                package a:b;
                world w { import c:d/x@1.0.0; import e:f/y; }
                package c:d@1.0.0 {
                  @since(version = 1.0.0)
                  interface x {
                    @unstable(feature = fancy)
                    type t = u8;
                  }
                  world unused {}
                }
                package e:f { interface y { use c:d/x@1.0.0.{t}; } }
                """));
    }
}
