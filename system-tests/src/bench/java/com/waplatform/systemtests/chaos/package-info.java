/**
 * The chaos harness: {@code system-tests/chaos <scenario>...} runs the platform of the
 * benchmarks under steady load, injects one fault (a killed application, a stopped
 * database or broker, an outage or misbehaviour of Meta), drains, and writes
 * {@code target/chaos/<scenario>.json}: what was lost, sent twice, dead-lettered.
 */
@NullMarked
package com.waplatform.systemtests.chaos;

import org.jspecify.annotations.NullMarked;
