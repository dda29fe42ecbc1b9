package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.util.Locale;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.sender.domain.DeadLetterReason;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.NumberOwnership;
import com.waplatform.support.accounts.AccountDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Counters and timers of the send path: {@code sender.messages} (by number and outcome:
 * accepted, failed, expired, dead_lettered, duplicate),
 * {@code sender.duplicates.skipped}, {@code sender.dead.letters} (by reason),
 * {@code sender.retries} (by number and reason), {@code sender.calls} (calls to Meta by
 * number) and {@code sender.bucket.wait} (time from queueing to the call),
 * {@code sender.prepare.time} (from handing a message out to its SENDING record: above
 * {@code lead}, calls wait for it) and {@code sender.call.lateness} (how long after its
 * throughput slot a call started: the dispatcher woke late). Gauges of lanes are
 * registered by the engine.
 * <p>
 * Every per-number meter carries {@code organization} beside {@code phone_number_id}: the
 * message's organization when the account directory knows the number as one of it, else
 * {@value #UNKNOWN_ORGANIZATION}. So the tag takes only values the directory holds,
 * whatever organization ids requests name.
 */
@Component
public class SendMetrics {

	/**
	 * The {@code organization} tag of a number the directory does not know (yet), or
	 * knows as another organization's.
	 */
	public static final String UNKNOWN_ORGANIZATION = "unknown";

	private final MeterRegistry registry;

	private final AccountDirectory accounts;

	private final Counter duplicatesSkipped;

	SendMetrics(MeterRegistry registry, AccountDirectory accounts) {
		this.registry = registry;
		this.accounts = accounts;
		this.duplicatesSkipped = Counter.builder("sender.duplicates.skipped")
			.description("Redelivered send requests of messages already final, not sent again")
			.register(registry);
	}

	MeterRegistry registry() {
		return this.registry;
	}

	/**
	 * The {@code organization} tag of the number's meters for a message of the
	 * organization.
	 */
	String organizationTag(String organizationId, String phoneNumberId) {
		String owner = this.accounts.phoneNumber(phoneNumberId).map(PhoneNumberConfigured::organizationId).orElse(null);
		return (NumberOwnership.of(organizationId, owner) == NumberOwnership.OWN) ? organizationId
				: UNKNOWN_ORGANIZATION;
	}

	void outcome(String organizationId, String phoneNumberId, MessageState state) {
		count(organizationId, phoneNumberId, state.name().toLowerCase(Locale.ROOT));
	}

	public void duplicate(String organizationId, String phoneNumberId) {
		this.duplicatesSkipped.increment();
		count(organizationId, phoneNumberId, "duplicate");
	}

	/**
	 * A message the sender wrote to {@code wa.send-requests-dlt} (with its outcome
	 * {@code dead_lettered} of {@code sender.messages}).
	 */
	void deadLettered(String organizationId, String phoneNumberId, DeadLetterReason reason) {
		outcome(organizationId, phoneNumberId, MessageState.DEAD_LETTERED);
		Counter.builder("sender.dead.letters")
			.description("Messages the sender dead-lettered, by reason")
			.tag("reason", reason.tag())
			.register(this.registry)
			.increment();
	}

	/**
	 * A call to Meta's send endpoint for a message of the number starts (the number's
	 * circuit breaker let it through).
	 */
	void called(String organizationId, String phoneNumberId) {
		Counter.builder("sender.calls")
			.description("Calls to Meta's send endpoint, by number")
			.tag("phone_number_id", phoneNumberId)
			.tag("organization", organizationTag(organizationId, phoneNumberId))
			.register(this.registry)
			.increment();
	}

	void retry(String organizationId, String phoneNumberId, String reason) {
		Counter.builder("sender.retries")
			.description("Messages put back to be sent again, by reason")
			.tag("phone_number_id", phoneNumberId)
			.tag("organization", organizationTag(organizationId, phoneNumberId))
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * A free-form message failed without a call because its recipient's 24-hour window
	 * was closed when its turn came.
	 */
	void windowRefused(String organizationId, String phoneNumberId) {
		Counter.builder("sender.window.refused")
			.description("Free-form messages failed with 131047 before the call: the 24-hour window was closed")
			.tag("phone_number_id", phoneNumberId)
			.tag("organization", organizationTag(organizationId, phoneNumberId))
			.register(this.registry)
			.increment();
	}

	void waited(String organizationId, String phoneNumberId, Duration wait) {
		Timer.builder("sender.bucket.wait")
			.description("Time from queueing a message to its call to Meta (rate limits, priorities, retries)")
			.tag("phone_number_id", phoneNumberId)
			.tag("organization", organizationTag(organizationId, phoneNumberId))
			.publishPercentileHistogram()
			.register(this.registry)
			.record(wait);
	}

	void prepared(String organizationId, String phoneNumberId, Duration took) {
		Timer.builder("sender.prepare.time")
			.description("Time from handing a message out to its SENDING record (template re-check, database)")
			.tag("phone_number_id", phoneNumberId)
			.tag("organization", organizationTag(organizationId, phoneNumberId))
			.publishPercentiles(0.5, 0.99)
			.register(this.registry)
			.record(took);
	}

	void lateness(String organizationId, String phoneNumberId, Duration late) {
		Timer.builder("sender.call.lateness")
			.description("How long after its throughput slot a call to Meta started")
			.tag("phone_number_id", phoneNumberId)
			.tag("organization", organizationTag(organizationId, phoneNumberId))
			.publishPercentiles(0.5, 0.99)
			.register(this.registry)
			.record(late);
	}

	private void count(String organizationId, String phoneNumberId, String outcome) {
		Counter.builder("sender.messages")
			.description("Send requests by outcome")
			.tag("phone_number_id", phoneNumberId)
			.tag("organization", organizationTag(organizationId, phoneNumberId))
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
