package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.waplatform.sender.SenderFixtures;
import com.waplatform.sender.domain.RateSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification rule, without Kafka: windows counted from the calls' recorded start,
 * one read back at a time from the earliest of them, nothing decided by a failed read.
 */
class VerificationsTests {

	private static final long SECOND = 1_000_000_000L;

	private final Verifications verifications = new Verifications(new VerificationProperties(Duration.ofMinutes(10),
			Duration.ofMinutes(1), Duration.ofSeconds(60), Duration.ofSeconds(5)), new SimpleMeterRegistry());

	private final Lane lane = new Lane("pn-1", "org-1", 0, 80, new RateSettings(1.0, 0, 0.8, 0.1, SECOND, 0.05, SECOND,
			6 * SECOND, 3, 300 * SECOND, SECOND / 2, 2 * SECOND));

	@Test
	void aWindowRunsFromTheCallsRecordedStartNotFromWhenTheVerificationBegan() {
		Instant now = Instant.now();
		QueuedMessage old = message();
		QueuedMessage recent = message();
		// a sender down for an hour finds the first; the second's call started a minute
		// ago
		this.verifications.start(this.lane, old, now.minus(Duration.ofHours(1)), false);
		this.verifications.start(this.lane, recent, now.minus(Duration.ofMinutes(1)), false);

		Verifications.ReadBack readBack = this.verifications.ended(System.nanoTime(), now);

		assertThat(readBack).isNotNull();
		assertThat(readBack.ids()).containsExactly(old.id());
		assertThat(readBack.from()).isEqualTo(now.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(1)));
		// the other's window ends 9 minutes later, not 10 minutes after a restart
		assertThat(this.verifications.decided(readBack)).extracting(Verifications.Entry::message).containsExactly(old);
		assertThat(this.verifications.ended(System.nanoTime(), now.plus(Duration.ofMinutes(9)))).isNotNull()
			.satisfies((next) -> assertThat(next.ids()).containsExactly(recent.id()));
	}

	@Test
	void aCallTakenOverIsReadBackForAtOnceAndThenWaitsForItsWindow() {
		Instant now = Instant.now();
		QueuedMessage takenOver = message();
		QueuedMessage live = message();
		this.verifications.start(this.lane, takenOver, now.minus(Duration.ofMinutes(3)), true);
		this.verifications.start(this.lane, live, now.minus(Duration.ofMinutes(3)), false);

		Verifications.ReadBack first = this.verifications.ended(System.nanoTime(), now);

		assertThat(first).isNotNull();
		assertThat(first.ids()).containsExactly(takenOver.id());
		List<Verifications.Entry> decided = this.verifications.decided(first);
		assertThat(decided).singleElement().satisfies((entry) -> assertThat(entry.windowRunning(now)).isTrue());
		// found nothing: held again for the rest of its window, read back once more at
		// its end with the other
		this.verifications.start(this.lane, takenOver, decided.get(0).attemptStartedAt(), false);
		assertThat(this.verifications.ended(System.nanoTime(), now)).isNull();
		assertThat(this.verifications.ended(System.nanoTime(), now.plus(Duration.ofMinutes(7))))
			.satisfies((atEnd) -> assertThat(atEnd.ids()).containsExactlyInAnyOrder(takenOver.id(), live.id()));
	}

	@Test
	void oneReadBackAtATimeAndAFailedOneDecidesNothingAndWaits() {
		Instant now = Instant.now();
		QueuedMessage message = message();
		this.verifications.start(this.lane, message, now.minus(Duration.ofMinutes(11)), false);
		long nanos = System.nanoTime();

		assertThat(this.verifications.ended(nanos, now)).isNotNull();
		assertThat(this.verifications.ended(nanos, now)).as("a read back is running").isNull();
		this.verifications.readFailed(nanos);

		assertThat(this.verifications.pending(message.id())).isTrue();
		assertThat(this.verifications.ended(nanos + 4 * SECOND, now)).isNull();
		assertThat(this.verifications.ended(nanos + 5 * SECOND, now)).isNotNull();
	}

	@Test
	void aVerificationEndedLiveMeanwhileIsNotDecidedByTheReadBack() {
		Instant now = Instant.now();
		QueuedMessage confirmedLive = message();
		QueuedMessage other = message();
		this.verifications.start(this.lane, confirmedLive, now.minus(Duration.ofMinutes(11)), false);
		this.verifications.start(this.lane, other, now.minus(Duration.ofMinutes(11)), false);
		Verifications.ReadBack readBack = this.verifications.ended(System.nanoTime(), now);

		assertThat(this.verifications.take(confirmedLive.id())).isNotNull();
		List<Verifications.Entry> decided = this.verifications.decided(readBack);

		assertThat(decided).extracting(Verifications.Entry::message).containsExactly(other);
		assertThat(readBack.ids()).isEqualTo(Set.of(confirmedLive.id(), other.id()));
		assertThat(this.verifications.pending(other.id())).isFalse();
	}

	private static QueuedMessage message() {
		return new QueuedMessage(SenderFixtures.request("org-1", "pn-1", SenderFixtures.uniqueRecipient(), null), 0, 0,
				Instant.now(), null);
	}

}
