package dev.wit4j.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultAndTuplesTest {
    @Test
    void okAndErr() {
        Result<Integer, String> ok = Result.ok(1);
        Result<Integer, String> err = Result.err("bad");
        assertTrue(ok.isOk());
        assertFalse(err.isOk());
        assertEquals(Optional.of(1), ok.okValue());
        assertEquals(Optional.empty(), ok.errValue());
        assertEquals(Optional.of("bad"), err.errValue());
        assertInstanceOf(Result.Ok.class, ok);
        assertEquals(new Result.Ok<Integer, String>(1), ok);
        assertEquals(1, ok.orElseThrow(IllegalStateException::new));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> err.orElseThrow(IllegalStateException::new));
        assertEquals("bad", e.getMessage());
    }

    @Test
    void payloadLessResults() {
        Result<Void, String> ok = Result.ok();
        Result<Integer, Void> err = Result.err();
        assertTrue(ok.isOk());
        assertEquals(Optional.empty(), ok.okValue());
        assertEquals(new Result.Err<Integer, Void>(null), err);
    }

    @Test
    void tuplesAreValues() {
        assertEquals(new Tuple2<>(1, "a"), new Tuple2<>(1, "a"));
        assertEquals("Tuple3[first=1, second=b, third=true]", new Tuple3<>(1, "b", true).toString());
        assertEquals(16, new Tuple16<>(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16).sixteenth());
    }
}
