package dev.wit4j.benchmarks;

import dev.wit4j.benchmarks.echo.Echo;
import dev.wit4j.benchmarks.points.Points;
import dev.wit4j.benchmarks.points.PointsWorld;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same calls through the generated bindings (typed: specialised lift/lower code, no
 * {@link Value}s) and through the dynamic {@link Value} API: a record in and out
 * ({@code translate}), a string in and out ({@code echo}, 13 characters) and a list of 100 records
 * in, a record out ({@code centroid}). Both paths use their own instance of the same component.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TypedVsDynamicBenchmark {

    private static final String TEXT = "hello, world!";

    private Points typedPoints;
    private Echo typedEcho;
    private Func translate;
    private Func centroid;
    private Func echo;
    private final Points.Point point = new Points.Point(3, 4);
    private final List<Points.Point> points = new ArrayList<>();
    private Value pointValue;
    private Value pointsValue;
    private final Value d = Value.s32(2);
    private final Value textValue = Value.string(TEXT);

    @Setup
    public void setup() {
        Engine engine = Engine.create();
        byte[] pointsWasm = Fixtures.pointsComponent();
        byte[] echoWasm = Fixtures.echoComponent();
        typedPoints = PointsWorld.instantiate(engine, pointsWasm).points();
        typedEcho = Echo.instantiate(engine, echoWasm);
        var dynamicPoints = engine.linker().instantiate(engine.load(pointsWasm));
        translate = dynamicPoints.func("wit4j:bench/points#translate");
        centroid = dynamicPoints.func("wit4j:bench/points#centroid");
        echo = engine.linker().instantiate(engine.load(echoWasm)).func("echo");
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(new Points.Point(i, -i));
            values.add(pointValue(i, -i));
        }
        pointValue = pointValue(3, 4);
        pointsValue = Value.list(values);
    }

    private static Value pointValue(int x, int y) {
        return Value.recordBuilder()
                .field("x", Value.s32(x))
                .field("y", Value.s32(y))
                .build();
    }

    @Benchmark
    public Points.Point typedRecord() {
        return typedPoints.translate(point, 2);
    }

    @Benchmark
    public Optional<Value> dynamicRecord() {
        return translate.call(pointValue, d);
    }

    @Benchmark
    public String typedString() {
        return typedEcho.echo(TEXT);
    }

    @Benchmark
    public Optional<Value> dynamicString() {
        return echo.call(textValue);
    }

    @Benchmark
    public Points.Point typedListOfRecords() {
        return typedPoints.centroid(points);
    }

    @Benchmark
    public Optional<Value> dynamicListOfRecords() {
        return centroid.call(pointsValue);
    }
}
