package dev.conform.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting the forked JVM's CPU nanoseconds per operation ("cpu.ns/op"). On a
 * shared, loaded machine wall-clock throughput says how much of a core the benchmark got; CPU
 * time per operation says what one core does while it runs. Process time includes JIT and GC
 * threads, which are idle after warm-up, so for a one-thread benchmark it is the thread's time.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    public static final String LABEL = "cpu.ns/op";
    private final OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long start;

    @Override
    public String getDescription() {
        return "process CPU nanoseconds per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long ops = Math.max(1, result.getMetadata().getAllOps());
        double perOp = (double) (os.getProcessCpuTime() - start) / ops;
        return List.of(new ScalarResult(LABEL, perOp, "ns/op", AggregationPolicy.AVG));
    }
}
