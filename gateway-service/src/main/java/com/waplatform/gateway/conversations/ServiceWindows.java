package com.waplatform.gateway.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import com.waplatform.common.conversation.ServiceWindow;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.gateway.config.ConversationProperties;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.accounts.AccountDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The 24-hour service window of a business number and a customer, as the gateway knows it
 * ({@link ServiceWindow}: opened by the customer's last message, closed early by Meta's
 * 131047). Checked before a free-form send ({@code gateway.conversations.
 * enforce-service-window}), where a closed window is refused or answered with the
 * organization's fallback template.
 */
@Component
public class ServiceWindows {

	/** The {@code reason} of a fallback template sent instead of a free-form message. */
	public static final String OUTSIDE_SERVICE_WINDOW = "outside_service_window";

	private final DatabaseClient db;

	private final ConversationStore store;

	private final AccountDirectory directory;

	private final ConversationProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	ServiceWindows(DatabaseClient db, ConversationStore store, AccountDirectory directory,
			ConversationProperties properties, MeterRegistry meters, Clock clock) {
		this.db = db;
		this.store = store;
		this.directory = directory;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Emits the closed window a message to the customer would meet, or nothing when it
	 * may go: the window is open, the message needs none (templates, mark-as-read), or
	 * the check is off.
	 */
	public Mono<Closed> closedFor(String organizationId, String phoneNumberId, String customer, MetaMessage message) {
		if (!this.properties.enforceServiceWindow() || !ServiceWindow.needsWindow(message)) {
			return Mono.empty();
		}
		return this.db.sql("""
				select last_inbound_at, window_closed_at from conversations
				where organization_id = :org and phone_number_id = :phone and customer = :customer""")
			.bind("org", organizationId)
			.bind("phone", phoneNumberId)
			.bind("customer", customer)
			.map((row) -> new Closed(customer, row.get("last_inbound_at", Instant.class),
					row.get("window_closed_at", Instant.class), null))
			.one()
			.defaultIfEmpty(new Closed(customer, null, null, null))
			.filter((window) -> !ServiceWindow.isOpen(window.lastInboundAt(), window.closedAt(), this.clock.instant()))
			.map((window) -> window
				.withFallback(this.directory.settings(organizationId).conversations().windowFallback()));
	}

	/**
	 * Applies a status event of the read model (in its transaction): a failure with
	 * Meta's 131047 closes the customer's window.
	 */
	public Mono<Void> onStatus(StatusEvent event) {
		if (event.status() == MessageStatus.FAILED && event.error() != null
				&& ServiceWindow.closedBy(event.error().code())) {
			return this.store.closeWindow(event);
		}
		return Mono.empty();
	}

	/** The 422 of a free-form message outside the window; counted. */
	public ErrorResponseException refusal(Closed closed) {
		this.meters.counter("gateway.window.refused").increment();
		String why = (closed.lastInboundAt() == null) ? "has never written to this business number"
				: (closed.closedAt() != null && !closed.closedAt().isBefore(closed.lastInboundAt()))
						? "is outside the 24-hour customer service window (Meta answered 131047 at " + closed.closedAt()
								+ ")"
						: "last wrote at " + closed.lastInboundAt()
								+ ", more than 24 hours ago: the customer service window is closed";
		ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "outside-service-window",
				"Outside the customer service window",
				"Customer " + closed.customer() + " " + why + "; only an approved template may be sent now: "
						+ "send an approved template (type \"template\"), or configure the organization's "
						+ "conversations.windowFallback");
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("lastInboundAt", closed.lastInboundAt());
		facts.put("windowClosedAt", windowClosedAt(closed));
		facts.put("metaErrorCode", ServiceWindow.REENGAGEMENT_CODE);
		facts.forEach(problem::setProperty);
		return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
	}

	/** Counts a fallback template sent instead of a free-form message. */
	public void countFallback() {
		this.meters.counter("gateway.window.fallbacks").increment();
	}

	/**
	 * When the window closed: Meta's 131047, else 24 h after the last inbound message.
	 */
	private static @Nullable Instant windowClosedAt(Closed closed) {
		if (closed.closedAt() != null && closed.lastInboundAt() != null
				&& !closed.closedAt().isBefore(closed.lastInboundAt())) {
			return closed.closedAt();
		}
		return ServiceWindow.openUntil(closed.lastInboundAt());
	}

	/**
	 * A window that is not open.
	 *
	 * @param lastInboundAt the customer's last message, null if never
	 * @param closedAt when Meta answered 131047, if it did
	 * @param fallback the organization's template to send instead, or null
	 */
	public record Closed(String customer, @Nullable Instant lastInboundAt, @Nullable Instant closedAt,
			@Nullable TemplateChoice fallback) {

		Closed withFallback(@Nullable TemplateChoice template) {
			return new Closed(this.customer, this.lastInboundAt, this.closedAt, template);
		}

		public Optional<TemplateChoice> fallbackTemplate() {
			return Optional.ofNullable(this.fallback);
		}

	}

}
