package com.waplatform.sender.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.waplatform.common.json.Json;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.SendOutcome;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

/**
 * The {@code messages} table: one row per message id, holding the request itself, so the
 * table is the durable queue behind the in-memory lanes. Every state change is
 * conditional on the state it leaves, so concurrent paths (a verification and a late
 * outcome, two owners during a rebalance) cannot both win. Every statement is scoped to
 * the organization.
 */
@Component
public class Messages {

	private static final String UNSENT_COLUMNS = "message_id, organization_id, request, state, attempt_started_at, "
			+ "source_partition, source_offset, created_at, traceparent, failures";

	private final DatabaseClient db;

	Messages(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records a batch of messages in one statement (plus one lookup of those known
	 * already); emits, in the order of the batch, what was recorded before each, or empty
	 * for a message id taken by another organization (an invalid request).
	 */
	public Mono<List<Optional<Recorded>>> recordAll(List<Admitting> batch) {
		// one array per column: DatabaseClient copies the bindings on every bind, so a
		// named parameter per value is quadratic in the batch (the sender's top CPU cost
		// at 1,000 msg/s)
		int size = batch.size();
		String[] ids = new String[size];
		String[] orgs = new String[size];
		String[] numbers = new String[size];
		String[] recipients = new String[size];
		String[] priorities = new String[size];
		String[] expiries = new String[size];
		String[] requests = new String[size];
		Integer[] partitions = new Integer[size];
		Long[] offsets = new Long[size];
		String[] traces = new String[size];
		for (int i = 0; i < size; i++) {
			SendRequest request = batch.get(i).request();
			ids[i] = request.messageId();
			orgs[i] = request.organizationId();
			numbers[i] = request.phoneNumberId();
			recipients[i] = request.recipient();
			priorities[i] = request.priority().name();
			expiries[i] = (request.expiresAt() != null) ? request.expiresAt().toString() : null;
			requests[i] = Json.mapper().writeValueAsString(request);
			partitions[i] = batch.get(i).partition();
			offsets[i] = batch.get(i).offset();
			traces[i] = batch.get(i).traceparent();
		}
		GenericExecuteSpec insert = this.db.sql("""
				insert into messages (message_id, organization_id, phone_number_id, recipient, state, priority,
				  expires_at, request, source_partition, source_offset, traceparent)
				select r.id, r.org, r.number, r.recipient, 'PENDING', r.priority, r.expires_at::timestamptz, r.request,
				  r.part, r.off, r.trace
				from unnest(:ids::text[], :orgs::text[], :numbers::text[], :recipients::text[], :priorities::text[],
				  :expiries::text[], :requests::text[], :partitions::int[], :offsets::bigint[], :traces::text[])
				  as r(id, org, number, recipient, priority, expires_at, request, part, off, trace)
				on conflict (message_id) do nothing returning message_id""")
			.bind("ids", ids)
			.bind("orgs", orgs)
			.bind("numbers", numbers)
			.bind("recipients", recipients)
			.bind("priorities", priorities)
			.bind("expiries", expiries)
			.bind("requests", requests)
			.bind("partitions", partitions)
			.bind("offsets", offsets)
			.bind("traces", traces);
		return insert.map((row) -> row.get("message_id", String.class))
			.all()
			.collect(Collectors.toSet())
			.flatMap((inserted) -> existingOf(batch, inserted).map((existing) -> {
				Set<String> fresh = new HashSet<>(inserted);
				List<Optional<Recorded>> recorded = new ArrayList<>();
				for (Admitting admitting : batch) {
					SendRequest request = admitting.request();
					if (fresh.remove(request.messageId())) {
						recorded.add(Optional.of(Recorded.NEW));
					}
					else {
						Owned owned = existing.get(request.messageId());
						recorded.add((owned != null && owned.organizationId().equals(request.organizationId()))
								? Optional.of(owned.recorded()) : Optional.empty());
					}
				}
				return recorded;
			}));
	}

	private Mono<Map<String, Owned>> existingOf(List<Admitting> batch, Set<String> inserted) {
		Set<String> ids = new HashSet<>();
		Set<String> seen = new HashSet<>();
		for (Admitting admitting : batch) {
			String id = admitting.request().messageId();
			// known before, or a second request with the same id in this batch
			if (!inserted.contains(id) || !seen.add(id)) {
				ids.add(id);
			}
		}
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.db
			.sql("select message_id, organization_id, state, attempts, failures, attempt_started_at, error_title "
					+ "from messages where message_id = any(:ids)")
			.bind("ids", ids.toArray(String[]::new))
			.map((row) -> new Owned(row.get("message_id", String.class), row.get("organization_id", String.class),
					new Recorded(MessageState.valueOf(row.get("state", String.class)),
							row.get("attempts", Integer.class), row.get("failures", Integer.class),
							instant(row, "attempt_started_at"), row.get("error_title", String.class))))
			.all()
			.collectMap(Owned::messageId);
	}

	/**
	 * Marks pending messages as being sent, in one statement; emits, in order, whether
	 * each was pending.
	 */
	public Mono<List<Boolean>> markSendingAll(List<MessageKey> keys) {
		return this.db.sql("""
				update messages m set state = 'SENDING', attempts = m.attempts + 1, attempt_started_at = now(),
				  updated_at = now()
				from unnest(:ids::text[], :orgs::text[]) as k(id, org)
				where m.message_id = k.id and m.organization_id = k.org and m.state = 'PENDING'
				returning m.message_id""")
			.bind("ids", keys.stream().map(MessageKey::messageId).toArray(String[]::new))
			.bind("orgs", keys.stream().map(MessageKey::organizationId).toArray(String[]::new))
			.map((row) -> row.get("message_id", String.class))
			.all()
			.collect(Collectors.toSet())
			.map((marked) -> keys.stream().map((key) -> marked.contains(key.messageId())).toList());
	}

	/**
	 * Records that Meta accepted messages being sent, in one statement; emits, in order,
	 * whether each was being sent. Call it inside the transaction that appends their
	 * status events.
	 */
	public Mono<List<Boolean>> acceptAll(List<Acceptance> acceptances) {
		return this.db.sql("""
				update messages m set state = 'ACCEPTED', wamid = nullif(k.wamid, ''), error_code = null,
				  error_title = null, error_details = null, updated_at = now()
				from unnest(:ids::text[], :orgs::text[], :wamids::text[]) as k(id, org, wamid)
				where m.message_id = k.id and m.organization_id = k.org and m.state = 'SENDING'
				returning m.message_id""")
			.bind("ids", acceptances.stream().map((a) -> a.request().messageId()).toArray(String[]::new))
			.bind("orgs", acceptances.stream().map((a) -> a.request().organizationId()).toArray(String[]::new))
			.bind("wamids",
					acceptances.stream().map((a) -> (a.wamid() != null) ? a.wamid() : "").toArray(String[]::new))
			.map((row) -> row.get("message_id", String.class))
			.all()
			.collect(Collectors.toSet())
			.map((accepted) -> acceptances.stream()
				.map((acceptance) -> accepted.contains(acceptance.request().messageId()))
				.toList());
	}

	/**
	 * Records the outcome of a message that is in state {@code from}; emits whether it
	 * was (false: it was completed concurrently and nothing changed).
	 */
	public Mono<Boolean> complete(SendRequest request, SendOutcome outcome, MessageState from) {
		GenericExecuteSpec spec = this.db.sql("""
				update messages set state = :state, wamid = :wamid,
				  error_code = :code, error_title = :title, error_details = :details, updated_at = now()
				where message_id = :id and organization_id = :org and state = :from""")
			.bind("state", outcome.state().name())
			.bind("from", from.name())
			.bind("id", request.messageId())
			.bind("org", request.organizationId());
		spec = bind(spec, "wamid", outcome.wamid(), String.class);
		spec = error(spec, outcome.error());
		return spec.fetch().rowsUpdated().map((updated) -> updated == 1);
	}

	/**
	 * Puts a message being sent back to PENDING, noting why the attempt did not succeed;
	 * {@code attemptsDelta} -1 takes back a call that never left (circuit open),
	 * {@code failuresDelta} 1 counts a failed attempt towards the retry limit. Emits
	 * whether it was being sent.
	 */
	public Mono<Boolean> release(String organizationId, String messageId, int attemptsDelta, int failuresDelta,
			ErrorInfo why) {
		GenericExecuteSpec spec = this.db.sql("""
				update messages set state = 'PENDING', attempts = greatest(0, attempts + :delta),
				  failures = failures + :failed,
				  error_code = :code, error_title = :title, error_details = :details, updated_at = now()
				where message_id = :id and organization_id = :org and state = 'SENDING'""")
			.bind("delta", attemptsDelta)
			.bind("failed", failuresDelta)
			.bind("id", messageId)
			.bind("org", organizationId);
		return error(spec, why).fetch().rowsUpdated().map((updated) -> updated == 1);
	}

	/** Marks a pending message dead-lettered; emits whether it was pending. */
	public Mono<Boolean> deadLettered(String organizationId, String messageId, ErrorInfo why) {
		GenericExecuteSpec spec = this.db.sql("""
				update messages set state = 'DEAD_LETTERED', error_code = :code, error_title = :title,
				  error_details = :details, updated_at = now()
				where message_id = :id and organization_id = :org and state = 'PENDING'""")
			.bind("id", messageId)
			.bind("org", organizationId);
		return error(spec, why).fetch().rowsUpdated().map((updated) -> updated == 1);
	}

	/**
	 * Makes a dead-lettered (or still pending) message sendable again for a replay; emits
	 * whether it did.
	 */
	public Mono<Boolean> resetForReplay(String organizationId, String messageId) {
		return this.db.sql("""
				update messages set state = 'PENDING', failures = 0, updated_at = now()
				where message_id = :id and organization_id = :org and state in ('DEAD_LETTERED', 'PENDING')""")
			.bind("id", messageId)
			.bind("org", organizationId)
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1);
	}

	/** The state of a message of the organization (empty if unknown). */
	public Mono<MessageState> state(String organizationId, String messageId) {
		return this.db.sql("select state from messages where message_id = :id and organization_id = :org")
			.bind("id", messageId)
			.bind("org", organizationId)
			.map((row) -> MessageState.valueOf(row.get("state", String.class)))
			.one();
	}

	/** The states of messages of the organization, by id (unknown ids are left out). */
	public Flux<MessageRef> states(String organizationId, Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Flux.empty();
		}
		return this.db
			.sql("select message_id, state from messages where organization_id = :org " + "and message_id = any(:ids)")
			.bind("org", organizationId)
			.bind("ids", messageIds.toArray(String[]::new))
			.map((row) -> new MessageRef(row.get("message_id", String.class),
					MessageState.valueOf(row.get("state", String.class))))
			.all();
	}

	/**
	 * The numbers with unsent messages (PENDING or SENDING) that arrived on the given
	 * partitions of {@code wa.send-requests}: what an instance takes over on assignment.
	 */
	public Flux<NumberRef> numbersWithUnsent(Collection<Integer> partitions) {
		if (partitions.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql("""
				select distinct phone_number_id, organization_id, source_partition from messages
				where state in ('PENDING', 'SENDING') and source_partition = any(:partitions)""")
			.bind("partitions", partitions.toArray(Integer[]::new))
			.map((row) -> new NumberRef(row.get("phone_number_id", String.class),
					row.get("organization_id", String.class), row.get("source_partition", Integer.class)))
			.all();
	}

	/**
	 * Unsent messages of a number (PENDING, and SENDING too when {@code withSending}),
	 * transactional first, oldest first, at most {@code limit}.
	 */
	public Flux<Unsent> unsent(String organizationId, String phoneNumberId, int limit, boolean withSending) {
		String states = withSending ? "state in ('PENDING', 'SENDING')" : "state = 'PENDING'";
		return this.db
			.sql("select " + UNSENT_COLUMNS
					+ " from messages where phone_number_id = :number and organization_id = :org and " + states
					+ " order by (priority = 'TRANSACTIONAL') desc, created_at limit :limit")
			.bind("number", phoneNumberId)
			.bind("org", organizationId)
			.bind("limit", limit)
			.map(Messages::unsent)
			.all();
	}

	private static Unsent unsent(Readable row) {
		SendRequest request = Json.mapper().readValue(row.get("request", String.class), SendRequest.class);
		Long offset = row.get("source_offset", Long.class);
		Integer partition = row.get("source_partition", Integer.class);
		return new Unsent(request, MessageState.valueOf(row.get("state", String.class)),
				instant(row, "attempt_started_at"), (partition != null) ? partition : 0, (offset != null) ? offset : -1,
				instant(row, "created_at"), row.get("traceparent", String.class), row.get("failures", Integer.class));
	}

	private static @Nullable Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime offsetDateTime(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static GenericExecuteSpec error(GenericExecuteSpec spec, @Nullable ErrorInfo error) {
		spec = bind(spec, "code", (error != null) ? error.code() : null, Integer.class);
		spec = bind(spec, "title", (error != null) ? error.title() : null, String.class);
		return bind(spec, "details", (error != null) ? error.details() : null, String.class);
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, String name, @Nullable Object value,
			Class<?> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	/**
	 * What was recorded about a message before this request.
	 *
	 * @param existing its state, null if this request recorded it
	 * @param attempts calls to Meta started for it so far
	 * @param failures its failed attempts so far (towards the retry limit)
	 * @param attemptStartedAt when the last call was started
	 * @param lastError why the last attempt did not succeed, if it did not
	 */
	public record Recorded(@Nullable MessageState existing, int attempts, int failures,
			@Nullable Instant attemptStartedAt, @Nullable String lastError) {

		static final Recorded NEW = new Recorded(null, 0, 0, null, null);

	}

	/** A message of an organization. */
	public record MessageKey(String organizationId, String messageId) {
	}

	/**
	 * Meta accepted a message ({@code wamid} null for a mark-as-read), in the trace of
	 * its call.
	 */
	public record Acceptance(SendRequest request, @Nullable String wamid, @Nullable String traceparent) {
	}

	/** A request to record, with where it arrived and the trace it arrived in. */
	public record Admitting(SendRequest request, int partition, long offset, @Nullable String traceparent) {
	}

	private record Owned(String messageId, String organizationId, Recorded recorded) {
	}

	/** A message id and its state. */
	public record MessageRef(String messageId, MessageState state) {
	}

	/** A number with unsent messages and the partition they arrived on. */
	public record NumberRef(String phoneNumberId, String organizationId, int partition) {
	}

	/**
	 * An unsent message as stored.
	 *
	 * @param state PENDING or SENDING
	 * @param attemptStartedAt when its last call started (SENDING: to verify)
	 * @param partition the {@code wa.send-requests} partition it arrived on
	 * @param offset its offset there (-1 if unknown)
	 * @param createdAt when it was admitted
	 * @param traceparent the trace its send request arrived in
	 * @param failures its failed attempts so far (towards the retry limit)
	 */
	public record Unsent(SendRequest request, MessageState state, @Nullable Instant attemptStartedAt, int partition,
			long offset, @Nullable Instant createdAt, @Nullable String traceparent, int failures) {
	}

}
