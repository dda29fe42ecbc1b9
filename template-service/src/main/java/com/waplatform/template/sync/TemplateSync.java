package com.waplatform.template.sync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.template.domain.SyncPlan;
import com.waplatform.template.domain.SyncReport;
import com.waplatform.template.domain.SyncTarget;
import com.waplatform.template.domain.TemplateKey;
import com.waplatform.template.meta.MetaApiException;
import com.waplatform.template.meta.MetaTemplateClient;
import com.waplatform.template.meta.TemplateListing;
import com.waplatform.template.store.TemplateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Syncs the templates of WhatsApp Business Accounts from Meta. Meta is read first,
 * outside any transaction; then, under the account's advisory lock, the stored state is
 * diffed with the complete list and every new or changed template is written together
 * with its snapshot in the outbox. A failed listing changes nothing and is retried in the
 * next round.
 */
@Service
public class TemplateSync {

	private static final Logger logger = LoggerFactory.getLogger(TemplateSync.class);

	private final AccountDirectory accounts;

	private final MetaTemplateClient meta;

	private final TemplateStore store;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	private final TemplateSyncProperties properties;

	private final SyncMetrics metrics;

	/** Account and credential configuration (event id) pairs synced at least once. */
	private final Set<String> attempted = ConcurrentHashMap.newKeySet();

	public TemplateSync(AccountDirectory accounts, MetaTemplateClient meta, TemplateStore store, Outbox outbox,
			TransactionalOperator tx, TemplateSyncProperties properties, SyncMetrics metrics) {
		this.accounts = accounts;
		this.meta = meta;
		this.store = store;
		this.outbox = outbox;
		this.tx = tx;
		this.properties = properties;
		this.metrics = metrics;
	}

	/** One round over every account; failed accounts are left out of the reports. */
	public Flux<SyncReport> syncAll() {
		return Flux.defer(() -> Flux.fromIterable(SyncTarget.from(this.accounts.all()))).concatMap(this::sync);
	}

	/**
	 * Syncs the accounts that were never synced by this instance with their current
	 * credentials: numbers registered (or re-registered) since the last round.
	 */
	public Flux<SyncReport> syncNeverSynced() {
		return Flux.defer(() -> Flux.fromIterable(SyncTarget.from(this.accounts.all())))
			.filter((target) -> !this.attempted.contains(attemptKey(target)))
			.concatMap(this::sync);
	}

	/**
	 * Syncs one account; completes empty when Meta, the credential or the database failed
	 * (logged and counted).
	 */
	public Mono<SyncReport> sync(SyncTarget target) {
		return Mono.defer(() -> {
			this.attempted.add(attemptKey(target));
			long start = System.nanoTime();
			return accessToken(target)
				.flatMap((token) -> this.meta.listAll(target.wabaId(), token, this.properties.pageSize()))
				.flatMap((listing) -> this.tx.transactional(store(target, listing)))
				.doOnSuccess((report) -> {
					this.metrics.succeeded(report, start);
					log(report);
				})
				.doOnError((ex) -> this.metrics.failed(start))
				.onErrorResume(MetaApiException.class, (ex) -> {
					this.metrics.metaError(ex);
					logger.warn(
							"Template sync of WABA {} failed, retried next round: HTTP {}, code {}/{}, {} (fbtrace {})",
							target.wabaId(), ex.httpStatus(), ex.code(), ex.subcode(), ex.getMessage(), ex.fbtraceId());
					return Mono.empty();
				})
				.onErrorResume(UnusableCredentialException.class, (ex) -> {
					logger.error("Template sync of WABA {} skipped: {}", target.wabaId(), ex.getMessage());
					return Mono.empty();
				})
				.onErrorResume(DataAccessException.class, (ex) -> {
					// rolled back; the other accounts of the round still get their turn
					logger.error("Template sync of WABA {} could not be stored, retried next round", target.wabaId(),
							ex);
					return Mono.empty();
				});
		});
	}

	private Mono<String> accessToken(SyncTarget target) {
		return Mono.fromCallable(() -> this.accounts.accessToken(target.credentialSource()))
			.onErrorMap(IllegalStateException.class,
					(ex) -> new UnusableCredentialException(target.credentialSource().phoneNumberId()));
	}

	private Mono<SyncReport> store(SyncTarget target, TemplateListing listing) {
		String wabaId = target.wabaId();
		String organizationId = target.organizationId();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return this.store.lockAccount(wabaId).then(this.store.findByAccount(wabaId).collectList()).flatMap((stored) -> {
			SyncPlan plan = SyncPlan.between(organizationId, listing.templates(), stored);
			return Flux.fromIterable(plan.writes())
				.concatMap((versioned) -> this.store.save(organizationId, wabaId, versioned, now)
					.then(this.outbox.append(Topics.TEMPLATE_SYNC,
							TemplateSnapshot.of(organizationId, wabaId, versioned.template(), versioned.version()))))
				.then(this.store.markSeen(wabaId, listing.templates().stream().map(TemplateKey::of).toList(), now))
				.thenReturn(plan.report(wabaId, listing.pages(), listing.templates().size()));
		});
	}

	private static void log(SyncReport report) {
		if (report.written() > 0) {
			logger.info("Synced templates of WABA {}: {}", report.wabaId(), report);
		}
		else {
			logger.debug("Synced templates of WABA {}: {}", report.wabaId(), report);
		}
	}

	private static String attemptKey(SyncTarget target) {
		UUID configuration = target.credentialSource().eventId();
		return target.wabaId() + "/" + configuration;
	}

}
