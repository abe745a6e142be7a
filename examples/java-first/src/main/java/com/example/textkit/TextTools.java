package com.example.textkit;

import dev.wit4j.annotations.Unsigned;
import dev.wit4j.annotations.WitInterface;
import java.util.List;

/**
 * Exported by the component (src/main/wat/textkit.wat). The processor derives
 * {@code META-INF/wit/example/textkit/text-tools.wit} from this interface.
 */
@WitInterface(packageName = "example:textkit@1.0.0")
public interface TextTools {
    /** Upper-cases the ASCII letters of {@code text} and appends "!"; logs {@code text} first. */
    String shout(String text);

    /** The number of words. */
    @Unsigned int count(List<String> words);

    /** The sum of {@code xs}, without overflow. */
    long total(int[] xs);
}
