package com.waplatform.template.domain;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of syncing one account: a report, or a failure.
 */
public record SyncResult(@Nullable SyncReport report, @Nullable SyncFailure failure) {

	public static SyncResult of(SyncReport report) {
		return new SyncResult(report, null);
	}

	public static SyncResult of(SyncFailure failure) {
		return new SyncResult(null, failure);
	}

	/** The results of a round, as the operator endpoint answers them. */
	public record Round(List<SyncReport> reports, List<SyncFailure> failures) {

		public Round {
			reports = List.copyOf(reports);
			failures = List.copyOf(failures);
		}

		public static Round of(List<SyncResult> results) {
			return new Round(results.stream().flatMap((result) -> Stream.ofNullable(result.report())).toList(),
					results.stream().flatMap((result) -> Stream.ofNullable(result.failure())).toList());
		}

	}

}
