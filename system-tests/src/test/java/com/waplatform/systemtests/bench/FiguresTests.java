package com.waplatform.systemtests.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's arithmetic, without a platform (the harness itself never runs in
 * verify).
 */
class FiguresTests {

	private static final long T0 = 1_800_000_000_000L;

	@Test
	void steadySecondsAreThoseWithABacklogMinusHeadAndTail() {
		// 2,000 messages accepted at once, sent at 100/s from T0 + 5 s: 20 s of sending
		long[] accepts = LongStream.range(0, 2_000).map((i) -> T0).toArray();
		long[] sends = LongStream.range(0, 2_000).map((i) -> T0 + 5_000 + i * 10).toArray();

		List<Long> steady = Figures.steadySeconds(accepts, sends, 100);

		long first = T0 / 1000 + 5;
		// a backlog of >= 100 at the end of seconds first..first+17; minus the head and
		// the tail
		assertThat(steady).hasSize(18 - Figures.SKIP_HEAD - Figures.SKIP_TAIL)
			.startsWith(first + Figures.SKIP_HEAD)
			.endsWith(first + 17 - Figures.SKIP_TAIL);
		assertThat(Figures.meanRate(Figures.perSecond(sends), steady)).isEqualTo(100.0);
	}

	@Test
	void secondsWithoutBacklogDoNotCount() {
		// supply at 50/s, each message sent 100 ms after its acceptance: never a second's
		// worth waiting
		long[] accepts = LongStream.range(0, 500).map((i) -> T0 + i * 20).toArray();
		long[] sends = LongStream.range(0, 500).map((i) -> T0 + i * 20 + 100).toArray();

		assertThat(Figures.steadySeconds(accepts, sends, 80)).isEmpty();
		assertThat(Figures.meanRate(Map.of(), List.of())).isZero();
	}

	@Test
	void percentilesAreNearestRank() {
		long[] values = LongStream.rangeClosed(1, 200).toArray();

		assertThat(Figures.percentiles(values)).containsEntry("count", 200)
			.containsEntry("p50", 100L)
			.containsEntry("p95", 190L)
			.containsEntry("p99", 198L)
			.containsEntry("max", 200L);
		assertThat(Figures.percentiles(new long[0])).containsOnlyKeys("count");
	}

}
