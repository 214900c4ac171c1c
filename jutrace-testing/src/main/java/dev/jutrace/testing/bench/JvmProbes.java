package dev.jutrace.testing.bench;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two JDK facilities the benchmark uses when they are present, reached by reflection so that this
 * module needs no {@code requires} for them: a thread's allocated bytes and CPU time
 * ({@code com.sun.management.ThreadMXBean}, module jdk.management) and a flight recording around
 * the measured rounds ({@code jdk.jfr.Recording}, module jdk.jfr). {@code bench/engines.sh} adds
 * both modules with {@code --add-modules}; without them the counters read -1.
 */
final class JvmProbes {
    private JvmProbes() {}

    /** A thread's allocated bytes and CPU time, as the JVM counts them. */
    static final class ThreadCounters {
        private final Object bean;
        private final Method allocated;
        private final Method cpu;

        private ThreadCounters(Object bean, Method allocated, Method cpu) {
            this.bean = bean;
            this.allocated = allocated;
            this.cpu = cpu;
        }

        static ThreadCounters open() {
            try {
                Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
                Object bean = factory.getMethod("getThreadMXBean").invoke(null);
                Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
                if (!sunBean.isInstance(bean)) return new ThreadCounters(null, null, null);
                Method allocated = null;
                if ((Boolean) sunBean.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
                    sunBean.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
                    allocated = sunBean.getMethod("getThreadAllocatedBytes", long.class);
                }
                Method cpu = null;
                if ((Boolean) sunBean.getMethod("isThreadCpuTimeSupported").invoke(bean)) {
                    sunBean.getMethod("setThreadCpuTimeEnabled", boolean.class).invoke(bean, true);
                    cpu = sunBean.getMethod("getThreadCpuTime", long.class);
                }
                return new ThreadCounters(bean, allocated, cpu);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return new ThreadCounters(null, null, null);
            }
        }

        boolean available() {
            return allocated != null;
        }

        /** Bytes the thread has allocated since it started (exact: the TLAB in use counts), or -1. */
        long allocated(Thread thread) {
            return read(allocated, thread);
        }

        /** CPU nanoseconds the thread has used, user and system, or -1. */
        long cpu(Thread thread) {
            return read(cpu, thread);
        }

        private long read(Method m, Thread thread) {
            if (m == null) return -1;
            try {
                return (Long) m.invoke(bean, thread.threadId());
            } catch (ReflectiveOperationException e) {
                return -1;
            }
        }
    }

    /**
     * A JFR recording with the JDK's "profile" settings plus the two TLAB events, started and
     * dumped by the benchmark.
     */
    static final class Recording {
        private final Class<?> type;
        private final Object recording;

        private Recording(Class<?> type, Object recording) {
            this.type = type;
            this.recording = recording;
        }

        /** Starts a recording; throws with the reason when JFR is unavailable. */
        static Recording start() {
            try {
                Class<?> configuration = Class.forName("jdk.jfr.Configuration");
                Object profile = configuration.getMethod("getConfiguration", String.class).invoke(null, "profile");
                Map<String, String> settings = new HashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) configuration.getMethod("getSettings").invoke(profile)).entrySet()) {
                    settings.put((String) e.getKey(), (String) e.getValue());
                }
                // ObjectAllocationSample is throttled and can take no sample at all of a thread
                // that refills its TLAB a few times; these two fire at every TLAB refill and every
                // allocation outside a TLAB, so a thread that allocates a TLAB's worth shows up.
                for (String event : List.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB")) {
                    settings.put(event + "#enabled", "true");
                    settings.put(event + "#stackTrace", "true");
                }
                Class<?> type = Class.forName("jdk.jfr.Recording");
                Object r = type.getConstructor(Map.class).newInstance(settings);
                type.getMethod("setName", String.class).invoke(r, "jutrace-engine-pass");
                type.getMethod("start").invoke(r);
                return new Recording(type, r);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("cannot start a flight recording (run with --add-modules jdk.jfr): " + e, e);
            }
        }

        /** Stops the recording and writes it to {@code file}. */
        void stopAndDump(Path file) {
            try {
                type.getMethod("stop").invoke(recording);
                type.getMethod("dump", Path.class).invoke(recording, file);
                type.getMethod("close").invoke(recording);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot write the flight recording to " + file + ": " + e, e);
            }
        }
    }
}
