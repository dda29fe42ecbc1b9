/**
 * The benchmark harness: {@code system-tests/bench <scenario>...} runs named scenarios
 * against the real pipeline (embedded Kafka and PostgreSQL in this JVM, the simulator and
 * the five services as child JVMs; the workflow service alone for {@code scheduler}) and
 * writes {@code target/bench/<scenario>.json}.
 */
@NullMarked
package com.waplatform.systemtests.bench;

import org.jspecify.annotations.NullMarked;
