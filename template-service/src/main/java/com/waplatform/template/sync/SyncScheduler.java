package com.waplatform.template.sync;

import com.waplatform.template.domain.SyncReport;
import reactor.core.publisher.Flux;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the syncs: a full round every {@code template.sync.interval}, and every
 * {@code template.sync.new-account-poll} a round over the accounts never synced yet or
 * asked for, so a number registered after start (or a webhook about a template not known
 * yet) is synced within seconds. Each round starts after the previous one completed.
 */
@Component
class SyncScheduler {

	private final TemplateSync sync;

	SyncScheduler(TemplateSync sync) {
		this.sync = sync;
	}

	@Scheduled(fixedDelayString = "${template.sync.interval:15m}")
	Flux<SyncReport> fullRound() {
		return this.sync.syncAll();
	}

	@Scheduled(fixedDelayString = "${template.sync.new-account-poll:5s}")
	Flux<SyncReport> pendingAccounts() {
		return this.sync.syncPending();
	}

}
