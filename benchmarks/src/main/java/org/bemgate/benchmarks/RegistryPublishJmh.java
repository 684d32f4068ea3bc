package org.bemgate.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH: the registry's publish call as a connector's poll thread makes it, one value and a batch of 1,000,
 * with three listeners subscribed. It times the caller only; delivery to the listeners runs on their
 * own threads and is measured end to end by {@link RegistryFanOut} and {@link RegistryLatency}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RegistryPublishJmh {

    private Path dir;
    private Database db;
    private DatapointRegistryImpl registry;
    private List<DatapointId> ids;
    private List<Sample> batch;
    private int next;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Fixtures.tempDir("jmh");
        db = Fixtures.database(dir);
        registry = DatapointRegistryImpl.open(db, System::currentTimeMillis, 30_000);
        List<DatapointMetadata> sensors = Fixtures.sensors("jmh", 1_000);
        registry.register("jmh", sensors);
        ids = sensors.stream().map(DatapointMetadata::id).toList();
        registry.setActive(ids, true);
        for (int i = 0; i < RegistryFanOut.LISTENERS; i++) {
            registry.addListener(new RegistryFanOut.Counting(), Map.of(DatapointListener.KINDS, "VALUE"));
        }
        batch = new ArrayList<>();
        for (DatapointId id : ids) {
            batch.add(new Sample(id, new Value(1.5, System.currentTimeMillis())));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        registry.close();
        db.close();
        Fixtures.delete(dir);
    }

    /** One value, as an event-driven connector publishes. */
    @Benchmark
    public void publishOne() {
        next = (next + 1) % ids.size();
        registry.publish(ids.get(next), new Value(next * 0.5, System.currentTimeMillis()));
    }

    /** A poll's worth of values at once; the score is batches per second. */
    @Benchmark
    public int publishBatchOf1000() {
        return registry.publishAll(batch);
    }

    /** Runs both in a forked JVM with short iterations and adds their scores to the summary. */
    static void run(PrintStream out, Summary summary) throws Exception {
        out.printf("%n== JMH: registry publish call with %d listeners (1 fork, 2 × 1 s warm-up, 3 × 2 s measured)%n",
                RegistryFanOut.LISTENERS);
        Options options = new OptionsBuilder().include(RegistryPublishJmh.class.getName() + ".*").forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
                .measurementTime(TimeValue.seconds(2)).jvmArgsAppend("-Xmx1g").build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            if (name.endsWith("publishOne")) {
                out.printf("publish one value: %,.0f ± %,.0f calls/s%n", score, error);
                summary.add("registry publish call, one value (JMH)", score, "calls/s");
            } else {
                out.printf("publish a batch of 1,000: %,.0f ± %,.0f batches/s (%,.0f values/s)%n", score, error, score * 1000);
                summary.add("registry publish call, batches of 1,000 (JMH)", score * 1000, "values/s");
            }
        }
    }
}
