package com.waplatform.sender.domain;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.waplatform.sender.domain.LaneFixtures.MS;
import static com.waplatform.sender.domain.LaneFixtures.SECOND;
import static com.waplatform.sender.domain.LaneFixtures.bulk;
import static com.waplatform.sender.domain.LaneFixtures.item;
import static com.waplatform.sender.domain.LaneFixtures.maxInWindow;
import static com.waplatform.sender.domain.LaneFixtures.poll;
import static com.waplatform.sender.domain.LaneFixtures.pollEvery;
import static com.waplatform.sender.domain.LaneFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class NumberLaneTests {

	private static final long T0 = 1_000 * SECOND;

	@Test
	void pacesEvenlyAtTheNumbersRateAndNeverExceedsItInAnySecond() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(50, LaneFixtures.exactSettings());
		for (int i = 0; i < 500; i++) {
			lane.offer(item("m" + i, "+1555000" + i));
		}
		List<LaneFixtures.Dispatch> dispatched = run(lane, T0, T0 + 2 * SECOND);

		assertThat(dispatched).hasSize(100);
		for (int i = 1; i < dispatched.size(); i++) {
			assertThat(dispatched.get(i).at() - dispatched.get(i - 1).at()).isEqualTo(20 * MS);
		}
		assertThat(maxInWindow(dispatched, SECOND)).isEqualTo(50);
		assertThat(dispatched.get(0).item().id()).isEqualTo("m0");
		assertThat(dispatched.get(99).item().id()).isEqualTo("m99");
	}

	@Test
	void aLateDispatcherCatchesUpWithoutExceedingTheRate() {
		RateSettings settings = LaneFixtures.settings(0.985, 5 * MS);
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(80, settings);
		for (int i = 0; i < 400; i++) {
			lane.offer(item("m" + i, "+1555000" + i));
		}
		List<LaneFixtures.Dispatch> dispatched = new ArrayList<>();
		long now = T0;
		int wakes = 0;
		while (now < T0 + 3 * SECOND) {
			long at = lane.nextWakeUp(now);
			// every third wake-up comes 4 ms late
			now = Math.max(now, at) + ((wakes++ % 3 == 0) ? 4 * MS : 0);
			for (LaneFixtures.Item item : poll(lane, now, Integer.MAX_VALUE)) {
				dispatched.add(new LaneFixtures.Dispatch(now, item));
				lane.accepted(item.id());
			}
		}
		long inThreeSeconds = dispatched.stream().filter((dispatch) -> dispatch.at() < T0 + 3 * SECOND).count();
		// 80 × 0.985 = 78.8 msg/s, whole calls per second: 78; lateness is caught up
		assertThat(inThreeSeconds).isEqualTo(234L);
		assertThat(maxInWindow(dispatched, SECOND)).isEqualTo(78);
	}

	@Test
	void catchingUpAfterLongLatenessNeverPutsMoreThanTheLimitIntoAnySecond() {
		RateSettings settings = LaneFixtures.settings(0.985, 200 * MS);
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(1000, settings);
		for (int i = 0; i < 6000; i++) {
			lane.offer(item("m" + i, "+1555" + String.format("%07d", i)));
		}
		List<LaneFixtures.Dispatch> dispatched = new ArrayList<>();
		long now = T0;
		int wakes = 0;
		while (now < T0 + 5 * SECOND) {
			long at = lane.nextWakeUp(now);
			// a 150 ms stall every 100 wake-ups (a collection pause, a busy core)
			now = Math.max(now, at) + ((++wakes % 100 == 0) ? 150 * MS : 0);
			for (LaneFixtures.Item item : poll(lane, now, Integer.MAX_VALUE)) {
				dispatched.add(new LaneFixtures.Dispatch(now, item));
				lane.accepted(item.id());
			}
		}
		assertThat(maxInWindow(dispatched, SECOND)).isEqualTo(985);
		// the stalls cost no throughput: the window is full every second
		long inFiveSeconds = dispatched.stream().filter((dispatch) -> dispatch.at() < T0 + 5 * SECOND).count();
		assertThat(inFiveSeconds).isGreaterThanOrEqualTo(4 * 985L);
	}

	@Test
	void callsStayEvenlyPacedWhenTheirPreparationsFinishInBunches() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(100, LaneFixtures.exactSettings());
		for (int i = 0; i < 1000; i++) {
			lane.offer(item("m" + i, "+1555" + String.format("%07d", i)));
		}
		List<LaneFixtures.Item> preparing = new ArrayList<>();
		List<LaneFixtures.Dispatch> calls = new ArrayList<>();
		// the database records prepared messages in bunches, every 200 ms
		for (long now = T0; now < T0 + 3 * SECOND; now += MS) {
			if ((now - T0) % (200 * MS) == 0) {
				for (LaneFixtures.Item prepared : preparing) {
					lane.armed(prepared.id(), now);
				}
				preparing.clear();
			}
			preparing.addAll(lane.prepare(now, Integer.MAX_VALUE));
			for (LaneFixtures.Item item : lane.fire(now, Integer.MAX_VALUE)) {
				calls.add(new LaneFixtures.Dispatch(now, item));
				lane.accepted(item.id());
			}
			assertThat(lane.staged()).as("prepared ahead: the calls of the 500 ms lead").isLessThanOrEqualTo(50);
		}
		// the first bunch is recorded at 200 ms; from then on one call every 10 ms
		assertThat(calls.get(0).at()).isEqualTo(T0 + 200 * MS);
		for (int i = 1; i < calls.size(); i++) {
			assertThat(calls.get(i).at() - calls.get(i - 1).at()).isEqualTo(10 * MS);
		}
		assertThat(calls).hasSize(280);
		assertThat(maxInWindow(calls, SECOND)).isEqualTo(100);
	}

	@Test
	void aSlowMetaGetsNoMoreCallsInFlightThanTwoSecondsAtTheRate() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(10, LaneFixtures.exactSettings());
		for (int i = 0; i < 100; i++) {
			lane.offer(item("m" + i, "+1555" + String.format("%07d", i)));
		}
		// Meta answers nothing for 5 s: 10 msg/s × the 2 s in-flight allowance
		assertThat(pollEvery(lane, T0, T0 + 5 * SECOND, 10 * MS)).hasSize(20);
		assertThat(lane.calling()).isEqualTo(20);
		assertThat(lane.nextWakeUp(T0 + 5 * SECOND)).as("the next call waits for an answer").isEqualTo(Long.MAX_VALUE);
		// each frees its slot: an answer, a refusal put back, a timed-out call (verified)
		lane.accepted("m0");
		lane.requeue("m1", T0 + 10 * SECOND, T0 + 5 * SECOND);
		lane.callEnded("m2");
		assertThat(lane.calling()).isEqualTo(17);
		assertThat(lane.holds("m2")).as("held while its outcome is verified").isTrue();
		assertThat(pollEvery(lane, T0 + 5 * SECOND, T0 + 7 * SECOND, 10 * MS)).extracting(LaneFixtures.Item::id)
			.containsExactly("m20", "m21", "m22");
		assertThat(lane.calling()).isEqualTo(20);
		lane.callEnded("m2");
		lane.release("m2");
		assertThat(lane.calling()).as("a call ends once").isEqualTo(20);
	}

	@Test
	void aMessagePreparedButNotCalledCanBeRequeuedOrReleased() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(10, LaneFixtures.exactSettings());
		lane.offer(item("a", "+15550000001"));
		lane.offer(item("b", "+15550000002"));
		assertThat(lane.prepare(T0, 10)).extracting(LaneFixtures.Item::id).containsExactly("a", "b");
		assertThat(lane.staged()).isEqualTo(2);
		assertThat(lane.prepare(T0, 10)).as("the lead of 10 msg/s × 500 ms holds 5").isEmpty();
		// the database write of "a" failed: back to the queue; "b" was recorded
		lane.requeue("a", T0, T0);
		lane.armed("b", T0);
		assertThat(lane.staged()).isEqualTo(1);
		assertThat(lane.fire(T0, 10)).extracting(LaneFixtures.Item::id).containsExactly("b");
		assertThat(lane.staged()).isZero();
		assertThat(lane.prepare(T0 + 100 * MS, 10)).extracting(LaneFixtures.Item::id).containsExactly("a");
		lane.armed("a", T0 + 100 * MS);
		assertThat(lane.removeIf((item) -> true)).as("armed: recorded SENDING, expired when fired").isEmpty();
		lane.release("a");
		assertThat(lane.staged()).isZero();
		assertThat(lane.nextWakeUp(T0 + 100 * MS)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void aRecipientWaitingOutItsPairLimitDoesNotDelayOtherRecipients() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(100, LaneFixtures.exactSettings());
		for (int i = 0; i < 10; i++) {
			lane.offer(item("hot" + i, "+15550000001"));
		}
		for (int i = 0; i < 20; i++) {
			lane.offer(item("other" + i, "+1555100" + String.format("%04d", i)));
		}
		List<LaneFixtures.Dispatch> dispatched = run(lane, T0, T0 + 15 * SECOND);

		List<Long> hot = dispatched.stream()
			.filter((dispatch) -> dispatch.item().id().startsWith("hot"))
			.map((dispatch) -> dispatch.at() - T0)
			.toList();
		List<Long> others = dispatched.stream()
			.filter((dispatch) -> dispatch.item().id().startsWith("other"))
			.map((dispatch) -> dispatch.at() - T0)
			.toList();
		// 3 at once (burst), then one per 6 s
		assertThat(hot).hasSize(5);
		assertThat(hot.subList(0, 3)).allSatisfy((at) -> assertThat(at).isLessThan(30 * MS));
		assertThat(hot.get(3)).isEqualTo(6 * SECOND);
		assertThat(hot.get(4)).isEqualTo(12 * SECOND);
		// the others go at the number's rate right behind the burst: 23 slots of 10 ms
		assertThat(others).hasSize(20);
		assertThat(others.get(19)).isLessThanOrEqualTo(230 * MS);
		// the hot recipient's messages leave in order
		assertThat(dispatched.stream()
			.filter((dispatch) -> dispatch.item().id().startsWith("hot"))
			.map((dispatch) -> dispatch.item().id())).containsExactly("hot0", "hot1", "hot2", "hot3", "hot4");
	}

	@Test
	void transactionalMessagesOvertakeBulkQueuedEarlier() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(10, LaneFixtures.exactSettings());
		for (int i = 0; i < 5; i++) {
			lane.offer(bulk("promo" + i, "+1555200000" + i));
		}
		assertThat(poll(lane, T0, Integer.MAX_VALUE)).extracting(LaneFixtures.Item::id).containsExactly("promo0");
		lane.accepted("promo0");
		lane.offer(item("confirmation", "+15553000000"));
		lane.offer(item("reminder", "+15553000001"));

		List<LaneFixtures.Dispatch> dispatched = run(lane, T0, T0 + 10 * SECOND);

		assertThat(dispatched).extracting((dispatch) -> dispatch.item().id())
			.containsExactly("confirmation", "reminder", "promo1", "promo2", "promo3", "promo4");
		assertThat(lane.queued(com.waplatform.common.message.Priority.BULK)).isZero();
	}

	@Test
	void pairLimitRefusalHoldsTheRecipientBackLongerEachTime() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(100, LaneFixtures.exactSettings());
		lane.offer(item("a", "+15550000001"));
		lane.offer(item("b", "+15550000002"));
		assertThat(poll(lane, T0, 1)).extracting(LaneFixtures.Item::id).containsExactly("a");

		lane.pairLimited("a", T0);

		List<LaneFixtures.Dispatch> first = run(lane, T0, T0 + 30 * SECOND);
		assertThat(first).extracting((dispatch) -> dispatch.item().id()).containsExactly("b", "a");
		assertThat(first.get(0).at() - T0).isLessThan(20 * MS);
		// first refusal: the pair interval (6 s; Meta's 4^0 s is shorter)
		assertThat(first.get(1).at() - T0).isEqualTo(6 * SECOND);

		// refused again and again: 6 s (4^1 = 4 s is shorter than the interval), then 4^2
		// s
		lane.offer(item("c", "+15550000001"));
		long now = T0 + 60 * SECOND;
		long[] holds = new long[3];
		for (int strike = 0; strike < 3; strike++) {
			long at = Math.max(now, lane.nextWakeUp(now));
			assertThat(poll(lane, at, 1)).extracting(LaneFixtures.Item::id).containsExactly("c");
			lane.pairLimited("c", at);
			holds[strike] = lane.nextWakeUp(at) - at;
			now = at;
		}
		assertThat(holds).containsExactly(6 * SECOND, 6 * SECOND, 16 * SECOND);
	}

	@Test
	void throughputRefusalLowersThePaceThenItRecovers() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(100, LaneFixtures.exactSettings());
		for (int i = 0; i < 2000; i++) {
			lane.offer(item("m" + i, "+1555" + String.format("%07d", i)));
		}
		assertThat(lane.throttled(T0)).isTrue();
		assertThat(lane.throttled(T0 + 500 * MS)).as("same burst of refusals").isFalse();
		assertThat(lane.allowedRate(T0)).isEqualTo(80.0);

		List<LaneFixtures.Dispatch> dispatched = run(lane, T0, T0 + SECOND);
		assertThat(dispatched.size()).isBetween(79, 81);
		assertThat(lane.allowedRate(T0 + SECOND)).isEqualTo(85.0);
		dispatched.addAll(run(lane, T0 + SECOND, T0 + 6 * SECOND));
		assertThat(lane.allowedRate(T0 + 4 * SECOND)).isEqualTo(100.0);
		long sixthSecond = dispatched.stream()
			.filter((dispatch) -> dispatch.at() >= T0 + 5 * SECOND && dispatch.at() < T0 + 6 * SECOND)
			.count();
		assertThat(sixthSecond).isBetween(99L, 101L);
	}

	@Test
	void aMessageIsHeldOnceUntilReleased() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(10, LaneFixtures.exactSettings());
		assertThat(lane.offer(item("a", "+15550000001"))).isTrue();
		assertThat(lane.offer(item("a", "+15550000001"))).isFalse();
		assertThat(poll(lane, T0, 10)).hasSize(1);
		assertThat(lane.offer(item("a", "+15550000001"))).as("in flight").isFalse();
		assertThat(lane.holdOut(item("v", "+15550000002"))).isTrue();
		assertThat(lane.offer(item("v", "+15550000002"))).as("being verified").isFalse();
		lane.release("a");
		assertThat(lane.offer(item("a", "+15550000001"))).isTrue();
	}

	@Test
	void requeuedMessageWaitsForItsDelayAndKeepsItsPlace() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(1000, LaneFixtures.exactSettings());
		lane.offer(item("first", "+15550000001"));
		lane.offer(item("second", "+15550000002"));
		assertThat(poll(lane, T0, 1)).extracting(LaneFixtures.Item::id).containsExactly("first");
		lane.requeue("first", T0 + 2 * SECOND, T0);
		assertThat(poll(lane, T0 + 10 * MS, 10)).extracting(LaneFixtures.Item::id).containsExactly("second");
		lane.offer(item("third", "+15550000003"));
		assertThat(lane.nextWakeUp(T0 + 10 * MS)).isLessThan(T0 + 2 * SECOND);
		assertThat(poll(lane, T0 + 20 * MS, 10)).extracting(LaneFixtures.Item::id).containsExactly("third");
		assertThat(lane.nextWakeUp(T0 + 20 * MS)).isEqualTo(T0 + 2 * SECOND);
		assertThat(poll(lane, T0 + 2 * SECOND, 10)).extracting(LaneFixtures.Item::id).containsExactly("first");
	}

	@Test
	void expiredMessagesAreRemovedFromEveryQueueButNotWhileOut() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(1, LaneFixtures.exactSettings());
		lane.offer(item("out", "+15550000001"));
		poll(lane, T0, 1);
		lane.offer(item("ready", "+15550000002"));
		lane.offer(bulk("ready-bulk", "+15550000003"));
		assertThat(lane.queued(com.waplatform.common.message.Priority.TRANSACTIONAL)).isEqualTo(1);

		List<LaneFixtures.Item> removed = lane.removeIf((item) -> true);

		assertThat(removed).extracting(LaneFixtures.Item::id).containsExactlyInAnyOrder("ready", "ready-bulk");
		assertThat(lane.size()).isEqualTo(1);
		assertThat(lane.queued(com.waplatform.common.message.Priority.TRANSACTIONAL)).isZero();
		assertThat(lane.queued(com.waplatform.common.message.Priority.BULK)).isZero();
	}

	@Test
	void countsTheMessagesWaitingForARetryUntilTheyAreCalledAgainOrLeave() {
		NumberLane<LaneFixtures.Item> lane = new NumberLane<>(80, LaneFixtures.exactSettings());
		lane.offer(item("throttled", "+15550000001"));
		lane.offer(item("pair", "+15550000002"));
		lane.offer(item("fine", "+15550000003"));
		List<LaneFixtures.Item> calls = LaneFixtures.pollEvery(lane, T0, T0 + 100 * MS, MS);
		assertThat(calls).hasSize(3);
		assertThat(lane.retrying()).isZero();
		assertThat(lane.configuredRate()).isEqualTo(80);

		lane.requeue("throttled", T0 + SECOND, T0);
		lane.pairLimited("pair", T0);
		lane.accepted("fine");
		assertThat(lane.size()).isEqualTo(2);
		assertThat(lane.retrying()).isEqualTo(2);

		// called again: no longer waiting for its retry
		List<LaneFixtures.Item> again = LaneFixtures.pollEvery(lane, T0 + SECOND, T0 + SECOND + 100 * MS, MS);
		assertThat(again).extracting(LaneFixtures.Item::id).containsExactly("throttled");
		assertThat(lane.retrying()).isEqualTo(1);
		// a waiting retry that leaves the lane (final, expired) is no longer counted
		lane.release("pair");
		assertThat(lane.retrying()).isZero();
		lane.requeue("throttled", T0 + 3 * SECOND, T0 + 2 * SECOND);
		lane.requeue("throttled", T0 + 4 * SECOND, T0 + 2 * SECOND);
		assertThat(lane.retrying()).isEqualTo(1);
	}

}
