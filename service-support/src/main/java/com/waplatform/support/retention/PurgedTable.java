package com.waplatform.support.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A table purged by age: rows older than {@code retention} are deleted by
 * {@link RetentionPurge}, one batch per statement. A zero or negative retention keeps the
 * rows forever.
 *
 * @param table the table's name, the {@code table} tag of
 * {@code platform.retention.purged}
 * @param retention how long rows are kept (zero or negative: forever)
 * @param batchSql one batch's delete: deletes at most {@code :batch} rows older than
 * {@code :cutoff} (a {@code timestamptz}) and reports them as its update count
 */
public record PurgedTable(String table, Duration retention, String batchSql) {

	/**
	 * Rows whose {@code column} (a {@code timestamptz}, best indexed) is older than the
	 * retention. Rows locked by others are skipped, so instances purging at the same time
	 * share the work.
	 */
	public static PurgedTable olderThan(String table, String column, Duration retention) {
		return new PurgedTable(table, retention, """
				delete from %1$s where ctid = any(array(
					select ctid from %1$s where %2$s < :cutoff limit :batch for update skip locked))""".formatted(table,
				column));
	}

	/**
	 * Where rows older than the retention end as of {@code now}: empty when the table is
	 * kept forever.
	 */
	public Optional<Instant> cutoff(Instant now) {
		if (this.retention.isZero() || this.retention.isNegative()) {
			return Optional.empty();
		}
		return Optional.of(now.minus(this.retention));
	}

}
