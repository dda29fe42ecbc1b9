package com.waplatform.gateway.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.waplatform.common.account.SendingState;
import com.waplatform.gateway.stats.StatisticsViews.NumberQueue;
import com.waplatform.gateway.stats.StatisticsViews.Queue;
import com.waplatform.support.accounts.AccountDirectory;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v1/queue}: per business number of the organization, one grouped query over
 * the waiting messages of the read model (index {@code messages_waiting}) joined with the
 * sender's dead letters, plus what the sender last said about the number
 * ({@link SendingState} in the {@link AccountDirectory}).
 * <ul>
 * <li>pending: queued, not yet accepted by Meta, and not dead-lettered; its age counts
 * from when it was queued ({@code scheduled_for} for a released scheduled message)</li>
 * <li>scheduled: held until its {@code scheduledFor}</li>
 * <li>dead-lettered: queued, and the sender gave up on it (a replay that sends it moves
 * it on)</li>
 * </ul>
 */
@Component
class QueueView {

	private static final String SQL = """
			select p.phone_number_id, p.display_phone_number, p.throughput_per_second,
				coalesce(q.pending, 0) as pending, coalesce(q.scheduled, 0) as scheduled,
				coalesce(q.dead_lettered, 0) as dead_lettered, q.oldest_pending
			from phone_numbers p
			left join (
				select m.phone_number_id,
					count(*) filter (where m.status = 'queued' and d.message_id is null) as pending,
					count(*) filter (where m.status = 'scheduled') as scheduled,
					count(*) filter (where m.status = 'queued' and d.message_id is not null) as dead_lettered,
					min(greatest(m.created_at, coalesce(m.scheduled_for, m.created_at)))
						filter (where m.status = 'queued' and d.message_id is null) as oldest_pending
				from messages m
				left join send_dead_letters d on d.message_id = m.id
				where m.organization_id = :org and m.status in ('queued', 'scheduled') and m.requested_at is not null
				group by m.phone_number_id
			) q on q.phone_number_id = p.phone_number_id
			where p.organization_id = :org
			order by p.is_default desc, p.phone_number_id""";

	private final DatabaseClient db;

	private final AccountDirectory directory;

	private final Clock clock;

	QueueView(DatabaseClient db, AccountDirectory directory, Clock clock) {
		this.db = db;
		this.directory = directory;
		this.clock = clock;
	}

	Mono<Queue> queue(String organizationId) {
		Instant now = this.clock.instant();
		return this.db.sql(SQL)
			.bind("org", organizationId)
			.map((row) -> number(organizationId, row, now))
			.all()
			.collectList()
			.map((numbers) -> {
				String reason = numbers.stream()
					.map(NumberQueue::pausedReason)
					.filter(Objects::nonNull)
					.findFirst()
					.orElse(null);
				return new Queue(reason != null, reason, List.copyOf(numbers), now);
			});
	}

	private NumberQueue number(String organizationId, Readable row, Instant now) {
		String phoneNumberId = row.get("phone_number_id", String.class);
		// a state is shown only to the organization it is about
		Optional<SendingState> state = this.directory.sendingState(phoneNumberId)
			.filter((sending) -> sending.organizationId().equals(organizationId));
		Instant oldest = row.get("oldest_pending", Instant.class);
		Integer configured = row.get("throughput_per_second", Integer.class);
		return new NumberQueue(phoneNumberId, row.get("display_phone_number", String.class), count(row, "pending"),
				count(row, "scheduled"), state.map(SendingState::inFlight).orElse(null),
				state.map(SendingState::retrying).orElse(null), count(row, "dead_lettered"),
				state.map(SendingState::allowedPerSecond).orElse(null),
				state.map(SendingState::limitPerSecond).orElse((configured != null) ? configured.doubleValue() : 0.0),
				state.isPresent() ? "sender" : "configured", oldest,
				(oldest != null) ? Math.max(0, Duration.between(oldest, now).toSeconds()) : null,
				state.map(SendingState::pausedReason).orElse(null), state.map(SendingState::occurredAt).orElse(null));
	}

	private static long count(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

}
