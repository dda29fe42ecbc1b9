package com.waplatform.sender.dispatch;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.waplatform.common.account.SendingState;
import com.waplatform.common.kafka.Topics;
import com.waplatform.sender.store.PausedOrganizations;
import com.waplatform.support.kafka.EventPublisher;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes how the sender sends from each business number it owns ({@link SendingState}
 * on {@code wa.accounts}, key {@code sending:{phoneNumberId}}): the rate it allows itself
 * now (lowered after 130429), Meta's limit as configured, why the organization is paused,
 * the messages its lane holds and how many of them wait for a retry. The gateway's queue
 * view reads it. A round every {@code sender.sending-state.interval} (at least a second)
 * publishes the numbers whose state changed since the last one published, so a number's
 * state goes out at most once a second, and an idle number's not at all.
 * <p>
 * Published directly ({@link EventPublisher}), not through the outbox: the state is not a
 * fact written with a database change, only a view of memory, and a lost one costs
 * nothing because the next round publishes it again (it is remembered only once Kafka
 * acknowledged it). The outbox would add a database write per state for no gain.
 */
@Component
class SendingStates {

	private final SendEngine engine;

	private final OrganizationPauses pauses;

	private final EventPublisher publisher;

	/** What was last published per number (its contents, not its id or time). */
	private final Map<String, Contents> published = new ConcurrentHashMap<>();

	SendingStates(SendEngine engine, OrganizationPauses pauses, EventPublisher publisher,
			SendingStateProperties properties) {
		this.engine = engine;
		this.pauses = pauses;
		this.publisher = publisher;
		Objects.requireNonNull(properties.interval());
	}

	@Scheduled(fixedDelayString = "${sender.sending-state.interval:1s}")
	public Mono<Void> publishChanged() {
		// deferred: Spring invokes the method once and subscribes to its Mono every round
		return Mono.defer(() -> this.engine.lanesNow().flatMap((lanes) -> {
			Set<String> owned = lanes.stream().map(SendEngine.LaneState::phoneNumberId).collect(Collectors.toSet());
			// numbers no longer owned here: their new owner publishes them
			this.published.keySet().retainAll(owned);
			return Flux.fromIterable(lanes)
				.map(this::contents)
				.filter((contents) -> !contents.equals(this.published.get(contents.phoneNumberId())))
				.concatMap((contents) -> this.publisher.publish(Topics.ACCOUNTS, contents.toEvent())
					.then(Mono.fromRunnable(() -> this.published.put(contents.phoneNumberId(), contents))))
				.then();
		}));
	}

	private Contents contents(SendEngine.LaneState lane) {
		return new Contents(lane.organizationId(), lane.phoneNumberId(), round(lane.allowedPerSecond()),
				round(lane.limitPerSecond()),
				this.pauses.pause(lane.organizationId()).map(SendingStates::why).orElse(null), lane.held(),
				lane.retrying());
	}

	/** Why the organization's sending is paused, in words for the queue view. */
	static String why(PausedOrganizations.Pause pause) {
		String code = (pause.code() != null) ? pause.code() + ": " : "";
		return "Meta rejected the access token of business number " + pause.phoneNumberId() + " (" + code
				+ pause.error().title() + ") at " + pause.pausedAt()
				+ "; sending resumes when the organization's credentials are updated";
	}

	/** Hundredths of a message per second: finer changes are not worth a state. */
	private static double round(double perSecond) {
		return Math.round(perSecond * 100) / 100d;
	}

	private record Contents(String organizationId, String phoneNumberId, double allowedPerSecond, double limitPerSecond,
			@Nullable String pausedReason, int inFlight, int retrying) {

		SendingState toEvent() {
			return SendingState.of(this.organizationId, this.phoneNumberId, this.allowedPerSecond, this.limitPerSecond,
					this.pausedReason, this.inFlight, this.retrying);
		}

	}

}
