package com.waplatform.systemtests.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import com.waplatform.common.json.Json;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;

/**
 * The workflow service's {@code scheduled_messages} table, written directly: a million
 * messages through the service's event path would measure the rules, not the scheduler.
 * Each row is what a rule holds (a payment reminder, template and parameters, valid for
 * 24 hours after its due time); its {@code send_request} is the JSON common-model's
 * {@code Json.mapper()} writes for a template {@code SendRequest}, with the message id,
 * recipient and instants substituted by SQL, so that the scheduler reads every row as it
 * would read its own.
 */
final class ScheduledRows {

	static final String RULE_NAME = "bench-payment-reminder";

	/** Rows per insert statement: progress to log, and no transaction of minutes. */
	private static final int CHUNK = 100_000;

	private static final String ORGANIZATION = "bench-organization";

	private static final String PHONE_NUMBER_ID = "109000000000000";

	/** Marks for the per-row values, replaced in SQL ({@link #INSERT}). */
	private static final String MESSAGE_ID = "@MESSAGE_ID@";

	private static final String RECIPIENT = "@RECIPIENT@";

	private static final Instant DUE_MARK = Instant.parse("2000-01-01T00:00:00.000001Z");

	private static final Instant EXPIRES_MARK = Instant.parse("2000-01-02T00:00:00.000002Z");

	/**
	 * An instant as the send request's JSON carries it (ISO-8601 in UTC, microseconds).
	 */
	private static final String ISO = "to_char((%s) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

	/**
	 * Row {@code i} of a range: id {@code <prefix><i>}, recipient {@code +3460<i>}, due
	 * at {@code first + floor(i * spacing_ns / 1000)} µs (the same integer arithmetic as
	 * {@link #dueMicros}).
	 */
	private static final String INSERT = """
			insert into workflow.scheduled_messages (message_id, organization_id, rule_id, rule_name, event_id,
				subject, customer, cancel_on_reply, due_at, expires_at, send_request)
			select id, ?, ?, ?, gen_random_uuid(), 'payment/' || id, customer, false, due, due + interval '24 hours',
				replace(replace(replace(replace(?, '@MESSAGE_ID@', id), '@RECIPIENT@', customer),
					'@DUE@', %s), '@EXPIRES@', %s)
			from (select ? || lpad(i::text, 7, '0') as id, '+3460' || lpad(i::text, 7, '0') as customer,
					to_timestamp(0) + (? + (i * ?) / 1000) * interval '1 microsecond' as due
				from generate_series(?, ?) as i) as planned""".formatted(ISO.formatted("due"),
			ISO.formatted("due + interval '24 hours'"));

	private final DataSource database;

	private final String template = template();

	private final UUID ruleId = UUID.randomUUID();

	ScheduledRows(DataSource database) {
		this.database = database;
	}

	/** The send request with marks where each row's values go. */
	private static String template() {
		MetaMessage.Template reminder = new MetaMessage.Template("payment_reminder", MetaMessage.Language.of("en"),
				List.of(new MetaMessage.Component("body", null, null,
						List.of(text("Ana García"), text("EUR 1,250.00"), text("B-1042")))));
		SendRequest request = new SendRequest(UUID.randomUUID(), Instant.now(), ORGANIZATION, MESSAGE_ID,
				PHONE_NUMBER_ID, RECIPIENT, MetaMessage.template(RECIPIENT, reminder),
				new SendRequest.BusinessContext("payment", "B-1042"), Priority.TRANSACTIONAL, EXPIRES_MARK, DUE_MARK,
				"workflow");
		String json = Json.mapper().writeValueAsString(request);
		json = replaceOnce(json, Json.mapper().writeValueAsString(DUE_MARK), "\"@DUE@\"");
		return replaceOnce(json, Json.mapper().writeValueAsString(EXPIRES_MARK), "\"@EXPIRES@\"");
	}

	private static MetaMessage.Parameter text(String value) {
		return new MetaMessage.Parameter("text", null, value, null, null, null, null, null, null);
	}

	private static String replaceOnce(String json, String value, String mark) {
		int at = json.indexOf(value);
		if (at < 0 || json.indexOf(value, at + 1) >= 0) {
			throw new IllegalStateException("Expected " + value + " once in " + json);
		}
		return json.replace(value, mark);
	}

	/** When row {@code index} of a range is due, in epoch microseconds. */
	static long dueMicros(Instant first, long spacingNanos, int index) {
		return micros(first) + (index * spacingNanos) / 1000;
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	/** The id of row {@code index} of a range. */
	static String messageId(String prefix, int index) {
		return prefix + "%07d".formatted(index);
	}

	/**
	 * Inserts rows {@code 0..count-1} of a range, due {@code spacingNanos} apart from
	 * {@code first}, in chunks committed in due order (the earliest are visible first);
	 * tells {@code progress} the rows inserted so far after each chunk.
	 */
	void insert(String prefix, int count, Instant first, long spacingNanos, IntConsumer progress) {
		try (Connection connection = this.database.getConnection();
				PreparedStatement statement = connection.prepareStatement(INSERT)) {
			for (int from = 0; from < count; from += CHUNK) {
				int to = Math.min(count, from + CHUNK) - 1;
				statement.setString(1, ORGANIZATION);
				statement.setObject(2, this.ruleId);
				statement.setString(3, RULE_NAME);
				statement.setString(4, this.template);
				statement.setString(5, prefix);
				statement.setLong(6, micros(first));
				statement.setLong(7, spacingNanos);
				statement.setInt(8, from);
				statement.setInt(9, to);
				statement.executeUpdate();
				progress.accept(to + 1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot insert scheduled messages", ex);
		}
	}

	/**
	 * Refreshes the planner's statistics after a bulk insert, as autovacuum would a
	 * minute later: the measurement should not depend on whether it did yet.
	 */
	void analyze() {
		execute("analyze workflow.scheduled_messages");
	}

	/** Rows held, all ranges. */
	long held() {
		return count("select count(*) from workflow.scheduled_messages");
	}

	/** Rows of a range still held. */
	long held(String prefix) {
		return count("select count(*) from workflow.scheduled_messages where starts_with(message_id, ?)", prefix);
	}

	/** Events appended by the service and not yet relayed to Kafka. */
	long outbox() {
		return count("select count(*) from workflow.outbox");
	}

	/** Those of the ids still held. */
	Set<String> heldAmong(List<String> ids) {
		Set<String> held = new HashSet<>();
		try (Connection connection = this.database.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select message_id from workflow.scheduled_messages where message_id = any(?)")) {
			Array array = connection.createArrayOf("text", ids.toArray());
			statement.setArray(1, array);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					held.add(rows.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the scheduled messages", ex);
		}
		return held;
	}

	private long count(String query, String... parameters) {
		try (Connection connection = this.database.getConnection();
				PreparedStatement statement = connection.prepareStatement(query)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot count: " + query, ex);
		}
	}

	private void execute(String sql) {
		try (Connection connection = this.database.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.execute();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run: " + sql, ex);
		}
	}

}
