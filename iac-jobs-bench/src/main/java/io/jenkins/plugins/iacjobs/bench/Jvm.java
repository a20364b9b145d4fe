package io.jenkins.plugins.iacjobs.bench;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/** Heap and CPU readings of this JVM. */
final class Jvm {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Jvm() {
    }

    /** Heap in use after full collections, so garbage is not counted. */
    @SuppressFBWarnings(value = "DM_GC", justification = "a benchmark measures live heap: collecting first is the point")
    static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static long heapUsedNow() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process (all threads, GC and JIT included). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU time of the sandbox's HTTP threads so far: the server's work, which is not the client's cost. */
    static long sandboxCpuNanos() {
        long sum = 0;
        for (Thread t : ThreadSampler.all()) {
            if (t.getName().startsWith(ThreadSampler.SANDBOX_PREFIX) || t.getName().startsWith("HTTP-Dispatcher")) {
                long c = THREADS.getThreadCpuTime(t.getId());
                if (c > 0) {
                    sum += c;
                }
            }
        }
        return sum;
    }
}
