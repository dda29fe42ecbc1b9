package com.waplatform.common.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status lifecycle, every (current, incoming) pair; the same table is in
 * docs/common-model.md ("Status lifecycle").
 */
class MessageStatusTests {

	/**
	 * Rows: the current status ({@code none}: no status known yet); columns: the incoming
	 * status; {@code x}: the message moves to the incoming status, {@code .}: it stays.
	 */
	private static final String LIFECYCLE = """
			current \\ incoming  queued  scheduled  accepted  sent  delivered  read  failed  expired  rejected  cancelled
			none                 x       x          x         x     x          x     x       x        x        x
			queued               .       .          x         x     x          x     x       x        x        x
			scheduled            .       .          x         x     x          x     x       x        x        x
			accepted             .       .          .         x     x          x     x       x        x        x
			sent                 .       .          .         .     x          x     x       x        x        x
			delivered            .       .          .         .     .          x     .       .        .        .
			read                 .       .          .         .     .          .     .       .        .        .
			failed               .       .          .         .     x          x     .       .        .        .
			expired              .       .          .         .     x          x     .       .        .        .
			rejected             .       .          .         .     x          x     .       .        .        .
			cancelled            .       .          .         .     x          x     .       .        .        .
			""";

	private static final Map<String, Boolean> VERDICTS = parse(LIFECYCLE);

	static Stream<Arguments> everyPair() {
		List<Arguments> pairs = new ArrayList<>();
		for (MessageStatus incoming : MessageStatus.values()) {
			pairs.add(Arguments.of(null, incoming, verdict(null, incoming)));
			for (MessageStatus current : MessageStatus.values()) {
				pairs.add(Arguments.of(current, incoming, verdict(current, incoming)));
			}
		}
		return pairs.stream();
	}

	@ParameterizedTest(name = "{0} + {1} -> moves: {2}")
	@MethodSource("everyPair")
	void advancesAsTheTableSays(@Nullable MessageStatus current, MessageStatus incoming, boolean moves) {
		assertThat(MessageStatus.advances(current, incoming)).isEqualTo(moves);
	}

	@ParameterizedTest(name = "{0} + {1}")
	@MethodSource("everyPair")
	void theSqlGuardOnTheStoredRankIsTheSameRule(@Nullable MessageStatus current, MessageStatus incoming,
			boolean moves) {
		// what "where status_rank < :rank" decides for a row that exists
		if (current != null) {
			assertThat(current.rank() < incoming.rank()).isEqualTo(moves);
		}
	}

	@Test
	void theTableNamesEveryStatusOnceInEnumOrder() {
		List<String> lines = LIFECYCLE.lines().toList();
		String[] header = lines.get(0).trim().split("\\s+");
		List<String> columns = Arrays.asList(header).subList(3, header.length);
		List<String> rows = lines.stream().skip(2).map((line) -> line.trim().split("\\s+")[0]).toList();
		List<String> names = Arrays.stream(MessageStatus.values()).map(MessageStatus::wireName).toList();
		assertThat(columns).containsExactlyElementsOf(names);
		assertThat(rows).containsExactlyElementsOf(names);
		assertThat(VERDICTS).hasSize((names.size() + 1) * names.size());
	}

	/**
	 * Meta sends statuses in any order: whichever order two statuses of a message arrive
	 * in, the message ends at the same rank, the higher one.
	 */
	@Test
	void theOutcomeDoesNotDependOnTheArrivalOrder() {
		for (MessageStatus first : MessageStatus.values()) {
			for (MessageStatus second : MessageStatus.values()) {
				MessageStatus oneWay = apply(apply(null, first), second);
				MessageStatus otherWay = apply(apply(null, second), first);
				assertThat(oneWay.rank()).as("%s, %s", first, second)
					.isEqualTo(otherWay.rank())
					.isEqualTo(Math.max(first.rank(), second.rank()));
			}
		}
	}

	@Test
	void wireNamesAreLowercase() {
		assertThat(MessageStatus.DELIVERED.wireName()).isEqualTo("delivered");
		assertThat(MessageStatus.fromWire("delivered")).isEqualTo(MessageStatus.DELIVERED);
		assertThat(MessageStatus.fromWire("FAILED")).isEqualTo(MessageStatus.FAILED);
	}

	private static MessageStatus apply(@Nullable MessageStatus current, MessageStatus incoming) {
		return (current == null || MessageStatus.advances(current, incoming)) ? incoming : current;
	}

	private static boolean verdict(@Nullable MessageStatus current, MessageStatus incoming) {
		String key = ((current != null) ? current.wireName() : "none") + "+" + incoming.wireName();
		Boolean verdict = VERDICTS.get(key);
		assertThat(verdict).as("the lifecycle table has no verdict for %s", key).isNotNull();
		return verdict;
	}

	private static Map<String, Boolean> parse(String table) {
		List<String> lines = table.lines().toList();
		String[] header = lines.get(0).trim().split("\\s+");
		// "current \ incoming" takes three cells
		List<String> columns = Arrays.asList(header).subList(3, header.length);
		Map<String, Boolean> verdicts = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.trim().split("\\s+");
			assertThat(cells).as(line).hasSize(columns.size() + 1);
			for (int i = 0; i < columns.size(); i++) {
				assertThat(cells[i + 1]).as(line).isIn("x", ".");
				verdicts.put(cells[0] + "+" + columns.get(i), "x".equals(cells[i + 1]));
			}
		}
		return verdicts;
	}

}
