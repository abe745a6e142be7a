package dev.wit4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Limits#withCallTimeout} keeps every other limit. */
class LimitsTest {

    @Test
    void aCallTimeoutIsAddedToTheOtherLimits() {
        Limits base = Limits.builder()
                .memoryBytes(1 << 20)
                .tableElements(7)
                .instances(3)
                .handles(5)
                .callTimeout(Duration.ofSeconds(9))
                .build();
        Limits limited = base.withCallTimeout(Duration.ofMillis(250));
        assertEquals(1 << 20, limited.memoryBytes());
        assertEquals(7, limited.tableElements());
        assertEquals(3, limited.instances());
        assertEquals(5, limited.handles());
        assertEquals(Optional.of(Duration.ofMillis(250)), limited.callTimeout());
        assertEquals(
                "Limits[memoryBytes=1048576, tableElements=7, instances=3, handles=5, callTimeout=PT0.25S]",
                limited.toString());
        assertEquals(Optional.empty(), Limits.NONE.callTimeout());
        assertEquals(
                "Limits[callTimeout=PT1S]",
                Limits.NONE.withCallTimeout(Duration.ofSeconds(1)).toString());
    }
}
