package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.internal.engine.split.ModuleSplitter;
import dev.wit4j.runtime.internal.engine.split.RandomModules;
import dev.wit4j.runtime.internal.engine.validation.CodeValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Function bodies validated by {@link CodeValidation} against Endive's validator, which validated
 * them before: random valid modules, and each with single bytes overwritten, mostly in its code
 * (which makes most of them invalid or malformed in every way a byte can), some anywhere. Both must accept and refuse the
 * same modules. {@code -Dwit4j.fuzz.iterations=N} sets the number of modules (default 400, 24
 * mutants each).
 */
class CodeValidationDifferentialTest {

    private static final int MODULES = Integer.getInteger("wit4j.fuzz.iterations", 400);
    private static final int MUTANTS = 24;

    /** Endive's verdict, as the engine had it: null for a valid module, else why not. */
    private static String endive(byte[] module) {
        try {
            ModuleBounds.check(module.clone());
            CoreValidation.blocksClosed(CoreModule.parseWorkingAround(module.clone(), true));
            return null;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** The verdict now: the engine for all but the bodies, the bodies here; "unsupported" when left to Endive. */
    private static String ours(byte[] module) {
        try {
            ModuleBounds.check(module.clone());
            byte[] withoutCode = ModuleSplitter.withoutCode(module);
            if (withoutCode == null) return "unsupported: unreadable";
            CoreModule.parseWorkingAround(withoutCode, true);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            return String.valueOf(e.getMessage());
        }
        try {
            String unsupported = CodeValidation.validate(module);
            return unsupported == null ? null : "unsupported: " + unsupported;
        } catch (CodeValidation.InvalidCodeException e) {
            return e.getMessage();
        }
    }

    @Test
    void randomModulesAndTheirMutantsGetTheVerdictsEndiveGives() {
        Random random = new Random(20261207);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        int refused = 0;
        int leftToEndive = 0;
        for (int i = 0; i < MODULES; i++) {
            byte[] module = RandomModules.module(random.nextLong(), 1 + random.nextInt(6));
            assertNull(ours(module), "a generated module is valid");
            int[] code = codeSection(module);
            for (int k = 0; k < MUTANTS; k++) {
                byte[] mutant = module.clone();
                // mostly the code; one in four anywhere after the preamble (sections the engine checks, sizes)
                int at = k % 4 == 0
                        ? 8 + random.nextInt(module.length - 8)
                        : code[0] + random.nextInt(code[1] - code[0]);
                mutant[at] = (byte)
                        (random.nextInt(4) == 0
                                ? INTERESTING[random.nextInt(INTERESTING.length)]
                                : random.nextInt(256));
                String ours = ours(mutant);
                if (ours != null && ours.startsWith("unsupported")) {
                    leftToEndive++;
                    continue;
                }
                String endive = endive(mutant);
                checked++;
                if (ours != null) refused++;
                if ((ours == null) != (endive == null)) {
                    disagreements.add("module " + i + " byte " + at + ": ours " + ours + " / Endive " + endive);
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(refused > checked / 3 && refused < checked, "refused " + refused + " of " + checked);
        assertTrue(leftToEndive < MODULES * MUTANTS / 2, "left to Endive " + leftToEndive);
    }

    /** Opcodes worth writing over another byte: structure, locals, calls, branches. */
    private static final int[] INTERESTING = {
        0x00, 0x02, 0x03, 0x04, 0x05, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x1A, 0x1B, 0x20, 0x21, 0x22, 0x23, 0x24,
        0x28, 0x36, 0x3F, 0x40, 0x41, 0x42, 0x45, 0x6A, 0x7C, 0xA7, 0xAC
    };

    /** [start, end) of the code section's payload. */
    private static int[] codeSection(byte[] module) {
        int pos = 8;
        while (pos < module.length) {
            int id = module[pos++] & 0xFF;
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = module[pos++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (id == 10) return new int[] {pos, pos + (int) size};
            pos += (int) size;
        }
        throw new IllegalArgumentException("no code section");
    }
}
