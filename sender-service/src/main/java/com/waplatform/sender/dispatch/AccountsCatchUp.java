package com.waplatform.sender.dispatch;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

import com.waplatform.common.kafka.Topics;
import com.waplatform.sender.templates.TemplateSyncProgress;
import com.waplatform.support.accounts.AccountDirectory;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link AccountDirectory} when its consumer has read {@code wa.accounts} to
 * the end once ({@link AccountDirectory#readToEnd}), which completes its
 * {@link AccountDirectory#ready()} that dispatch waits for. Measured as the template
 * directory's progress is ({@link TemplateSyncProgress}): every assigned partition at
 * {@code records-lag} 0 at two checks in a row, one housekeeping apart.
 */
@Component
class AccountsCatchUp {

	private static final String TOPIC = Topics.ACCOUNTS.name();

	private final KafkaListenerEndpointRegistry listeners;

	private final AccountDirectory accounts;

	private boolean atEndOnce;

	private volatile boolean caughtUp;

	AccountsCatchUp(KafkaListenerEndpointRegistry listeners, AccountDirectory accounts) {
		this.listeners = listeners;
		this.accounts = accounts;
	}

	/** Checks once (called every housekeeping until caught up). */
	synchronized void check() {
		if (this.caughtUp) {
			return;
		}
		boolean atEnd = atEnd();
		if (atEnd && this.atEndOnce) {
			this.caughtUp = true;
			this.accounts.readToEnd();
		}
		this.atEndOnce = atEnd;
	}

	private boolean atEnd() {
		MessageListenerContainer container = directoryContainer();
		if (container == null || !container.isRunning()) {
			return false;
		}
		Collection<TopicPartition> assigned = container.getAssignedPartitions();
		if (assigned == null || assigned.isEmpty()) {
			return false;
		}
		Set<Integer> atEnd = TemplateSyncProgress.partitionsAtEnd(container.metrics(), TOPIC);
		return assigned.stream().allMatch((partition) -> atEnd.contains(partition.partition()));
	}

	private @Nullable MessageListenerContainer directoryContainer() {
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			if (topics != null && Arrays.asList(topics).contains(TOPIC)) {
				return container;
			}
		}
		return null;
	}

}
