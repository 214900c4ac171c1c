/**
 * Benchmarks that run inside one JVM against the core API, as opposed to {@code bench/run.sh},
 * which times whole tracer processes: {@link dev.jutrace.testing.bench.EnginePassBench} measures
 * the per-stop cost of the report pass with 1, 2 and 8 engines attached. Run it with
 * {@code bench/engines.sh}.
 */
package dev.jutrace.testing.bench;
