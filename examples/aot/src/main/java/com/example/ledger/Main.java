package com.example.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Runs the ledger component compiled into this jar: {@code java -jar target/ledger-aot.jar}.
 * Prints each result next to the same computation in Java, and how long the start took; exits 1 if
 * a result differs.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        LedgerWorld world = LedgerWorld.instantiate();
        long instantiated = System.nanoTime();
        Ledger ledger = world.ledger();
        Ledger.Category small = ledger.classify(5);
        long firstResult = System.nanoTime();

        boolean ok = check("classify(5)", small, Ledger.Category.SMALL);
        ok &= check("classify(2000000)", ledger.classify(2_000_000), Ledger.Category.HUGE);

        byte[] data = new byte[64 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        Adler32 adler = new Adler32();
        adler.update(data);
        ok &= check("checksum(64 KiB)", Integer.toUnsignedLong(ledger.checksum(data)), adler.getValue());

        List<Ledger.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(new Ledger.Entry("acct-" + i, i * 7L, i % 3 == 0));
        }
        var summary = ledger.summarize(entries);
        ok &= check(
                "summarize(1000 entries)",
                List.of(summary.first(), summary.second(), summary.third()),
                List.of(334, 3_496_500L, "acct-999"));

        System.out.printf(
                "instantiate: %d ms, first result: %d ms (in this JVM, from main)%n",
                (instantiated - start) / 1_000_000, (firstResult - start) / 1_000_000);
        if (!ok) {
            System.exit(1);
        }
    }

    private static boolean check(String what, Object got, Object expected) {
        boolean same = got.equals(expected);
        System.out.println(what + " = " + got + (same ? "" : "   (expected " + expected + ")"));
        return same;
    }
}
