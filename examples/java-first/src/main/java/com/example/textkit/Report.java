package com.example.textkit;

import dev.wit4j.annotations.Unsigned;
import dev.wit4j.annotations.WitInterface;
import dev.wit4j.annotations.WitWorldOf;

/**
 * Exported by the reporter component (src/main/wat/reporter.wat), which imports {@link TextTools}:
 * its import can be the textkit component's export or a Java implementation ({@link JavaTextTools}),
 * linked at the same place.
 */
@WitInterface(packageName = "example:textkit@1.0.0")
@WitWorldOf(name = "reporter", imports = TextTools.class, exports = Report.class)
public interface Report {
    /** {@code shout(text)} of the imported text tools. */
    String loud(String text);

    /** The sum of a new tally of the imported text tools after adding {@code a} and {@code b}. */
    @Unsigned
    long tallied(@Unsigned int a, @Unsigned int b);

    /** Uses a tally after dropping it: always traps. */
    @Unsigned
    long misuse();
}
