package com.waplatform.sender.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.store.Messages;
import com.waplatform.support.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Lists an organization's dead letters with the sender's current state of each message,
 * and replays selected ones: the message is made sendable again (DEAD_LETTERED → PENDING)
 * and its request republished to {@code wa.send-requests} through the outbox, in one
 * transaction. A message that is final (accepted, failed, expired) is never republished,
 * so a replay cannot send it twice.
 */
@Service
class DeadLetterReplay {

	private final DeadLetterReader reader;

	private final Messages messages;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	DeadLetterReplay(DeadLetterReader reader, Messages messages, Outbox outbox, TransactionalOperator tx) {
		this.reader = reader;
		this.messages = messages;
		this.outbox = outbox;
		this.tx = tx;
	}

	Mono<List<DeadLetter>> list(String organizationId) {
		return this.reader.read(organizationId)
			.flatMap((letters) -> this.messages
				.states(organizationId, letters.stream().map(DeadLetter::messageId).distinct().toList())
				.collectMap(Messages.MessageRef::messageId, Messages.MessageRef::state)
				.map((states) -> letters.stream()
					.map((letter) -> letter.withState(states.get(letter.messageId())))
					.toList()));
	}

	Mono<List<ReplayResult>> replay(String organizationId, List<String> messageIds) {
		return this.reader.read(organizationId).flatMap((letters) -> {
			Map<String, DeadLetter> latest = letters.stream()
				.collect(Collectors.toMap(DeadLetter::messageId, Function.identity(), (first, second) -> second,
						LinkedHashMap::new));
			return Flux.fromIterable(messageIds.stream().distinct().toList()).concatMap((messageId) -> {
				DeadLetter letter = latest.get(messageId);
				if (letter == null) {
					return Mono.just(new ReplayResult(messageId, ReplayResult.Result.NOT_FOUND, null));
				}
				return replay(letter.request());
			}).collectList();
		});
	}

	private Mono<ReplayResult> replay(SendRequest request) {
		String org = request.organizationId();
		String id = request.messageId();
		Mono<ReplayResult> replay = this.messages.resetForReplay(org, id).flatMap((reset) -> {
			if (reset) {
				return republish(request, MessageState.PENDING);
			}
			return this.messages.state(org, id)
				.map((state) -> new ReplayResult(id, ReplayResult.Result.SKIPPED, state))
				// never recorded (the admission itself failed): publish it again as it
				// was
				.switchIfEmpty(republish(request, null));
		});
		return this.tx.transactional(replay);
	}

	private Mono<ReplayResult> republish(SendRequest request, @Nullable MessageState state) {
		return this.outbox.append(Topics.SEND_REQUESTS, request)
			.thenReturn(new ReplayResult(request.messageId(), ReplayResult.Result.REPLAYED, state));
	}

	/**
	 * What a replay did with one message.
	 *
	 * @param state the message's state after the replay (null if it was never recorded)
	 */
	record ReplayResult(String messageId, Result result, @Nullable MessageState state) {

		enum Result {

			/** Republished to {@code wa.send-requests}. */
			REPLAYED,

			/**
			 * Not republished: the message is final or being sent (its state says which).
			 */
			SKIPPED,

			/** No dead letter of the organization has this message id. */
			NOT_FOUND

		}

	}

}
