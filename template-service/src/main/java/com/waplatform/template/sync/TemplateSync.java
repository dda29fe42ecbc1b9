package com.waplatform.template.sync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.template.domain.SyncFailure;
import com.waplatform.template.domain.SyncPlan;
import com.waplatform.template.domain.SyncReport;
import com.waplatform.template.domain.SyncResult;
import com.waplatform.template.domain.SyncTarget;
import com.waplatform.template.domain.TemplateKey;
import com.waplatform.template.meta.AccountThrottledException;
import com.waplatform.template.meta.MetaApiException;
import com.waplatform.template.meta.MetaTemplateClient;
import com.waplatform.template.meta.TemplateListing;
import com.waplatform.template.store.Origin;
import com.waplatform.template.store.TemplateStore;
import com.waplatform.template.store.TemplateWriter;
import org.jspecify.annotations.Nullable;
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
 * next round; an account backing off from Meta's limits is not called until it may.
 */
@Service
public class TemplateSync {

	private static final Logger logger = LoggerFactory.getLogger(TemplateSync.class);

	private final AccountDirectory accounts;

	private final MetaTemplateClient meta;

	private final TemplateStore store;

	private final TemplateWriter writer;

	private final TransactionalOperator tx;

	private final TemplateSyncProperties properties;

	private final SyncMetrics metrics;

	/** Account and credential configuration (event id) pairs synced at least once. */
	private final Set<String> attempted = ConcurrentHashMap.newKeySet();

	/**
	 * Accounts to sync in the next pending round (a webhook named an unknown template).
	 */
	private final Set<String> requested = ConcurrentHashMap.newKeySet();

	public TemplateSync(AccountDirectory accounts, MetaTemplateClient meta, TemplateStore store, TemplateWriter writer,
			TransactionalOperator tx, TemplateSyncProperties properties, SyncMetrics metrics) {
		this.accounts = accounts;
		this.meta = meta;
		this.store = store;
		this.writer = writer;
		this.tx = tx;
		this.properties = properties;
		this.metrics = metrics;
	}

	/** One round over every account; failed accounts are left out of the reports. */
	public Flux<SyncReport> syncAll() {
		return round(null).flatMapIterable(SyncResult.Round::reports);
	}

	/**
	 * One round over every account, or only over {@code wabaId}: the reports and the
	 * failures. Empty results when {@code wabaId} is not a known account.
	 */
	public Mono<SyncResult.Round> round(@Nullable String wabaId) {
		return Flux.defer(() -> Flux.fromIterable(targets()))
			.filter((target) -> wabaId == null || target.wabaId().equals(wabaId))
			.concatMap(this::run)
			.collectList()
			.map(SyncResult.Round::of);
	}

	/** Whether the account is known (one of its numbers is configured). */
	public boolean knows(String wabaId) {
		return target(wabaId).isPresent();
	}

	/** The account, with its owner and the number whose token it uses. */
	public Optional<SyncTarget> target(String wabaId) {
		return targets().stream().filter((target) -> target.wabaId().equals(wabaId)).findFirst();
	}

	/** Asks for a sync of the account in the next pending round (within seconds). */
	public void request(String wabaId) {
		this.requested.add(wabaId);
	}

	/**
	 * Syncs the accounts never synced by this instance with their current credentials
	 * (numbers registered or re-registered since the last round), and those asked for by
	 * {@link #request(String)}.
	 */
	public Flux<SyncReport> syncPending() {
		return Flux.defer(() -> Flux.fromIterable(targets())).filter((target) -> {
			boolean asked = this.requested.remove(target.wabaId());
			return asked || !this.attempted.contains(attemptKey(target));
		}).concatMap(this::sync);
	}

	/**
	 * Syncs one account; completes empty when Meta, the credential or the database failed
	 * (logged and counted).
	 */
	public Mono<SyncReport> sync(SyncTarget target) {
		return run(target).mapNotNull(SyncResult::report);
	}

	private Mono<SyncResult> run(SyncTarget target) {
		return Mono.defer(() -> {
			this.attempted.add(attemptKey(target));
			this.metrics.attempting(target.wabaId());
			long start = System.nanoTime();
			Instant listedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
			return accessToken(target)
				.flatMap((token) -> this.meta.listAll(target.wabaId(), token, this.properties.pageSize()))
				.flatMap((listing) -> this.tx.transactional(store(target, listing, listedAt)))
				.doOnSuccess((report) -> {
					this.metrics.succeeded(report, start);
					log(report);
				})
				.map(SyncResult::of)
				.doOnError((ex) -> this.metrics.failed(start))
				.onErrorResume(AccountThrottledException.class, (ex) -> {
					logger.warn("Template sync of WABA {} postponed: {}", target.wabaId(), ex.getMessage());
					return failure(target, SyncFailure.THROTTLED, ex.getMessage());
				})
				.onErrorResume(MetaApiException.class, (ex) -> {
					this.metrics.metaError(ex);
					logger.warn(
							"Template sync of WABA {} failed, retried next round: HTTP {}, code {}/{}, {} (fbtrace {})",
							target.wabaId(), ex.httpStatus(), ex.code(), ex.subcode(), ex.getMessage(), ex.fbtraceId());
					return failure(target, (ex.code() != MetaApiException.NO_GRAPH_ERROR) ? Integer.toString(ex.code())
							: SyncFailure.NO_GRAPH_ANSWER, ex.getMessage());
				})
				.onErrorResume(UnusableCredentialException.class, (ex) -> {
					logger.error("Template sync of WABA {} skipped: {}", target.wabaId(), ex.getMessage());
					return failure(target, SyncFailure.CREDENTIAL_UNUSABLE, ex.getMessage());
				})
				.onErrorResume(DataAccessException.class, (ex) -> {
					// rolled back; the other accounts of the round still get their turn
					logger.error("Template sync of WABA {} could not be stored, retried next round", target.wabaId(),
							ex);
					return failure(target, SyncFailure.DATABASE, "The templates could not be stored");
				});
		});
	}

	private static Mono<SyncResult> failure(SyncTarget target, String code, @Nullable String message) {
		return Mono.just(SyncResult.of(new SyncFailure(target.wabaId(), code, String.valueOf(message))));
	}

	private List<SyncTarget> targets() {
		return SyncTarget.from(this.accounts.all());
	}

	private Mono<String> accessToken(SyncTarget target) {
		return Mono.fromCallable(() -> this.accounts.accessToken(target.credentialSource()))
			.onErrorMap(IllegalStateException.class,
					(ex) -> new UnusableCredentialException(target.credentialSource().phoneNumberId()));
	}

	private Mono<SyncReport> store(SyncTarget target, TemplateListing listing, Instant listedAt) {
		String wabaId = target.wabaId();
		String organizationId = target.organizationId();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return this.store.lockAccount(wabaId)
			.then(Mono.zip(this.store.findByAccount(wabaId).collectList(),
					this.store.changedByWebhookSince(wabaId, listedAt)))
			.flatMap((state) -> {
				SyncPlan plan = SyncPlan.between(organizationId, listing.templates(), state.getT1(), state.getT2());
				return Flux.fromIterable(plan.writes())
					.concatMap((versioned) -> this.writer.write(organizationId, wabaId, versioned, now,
							Origin.sync(versioned.template())))
					.then(this.store.markSeen(wabaId, listing.templates().stream().map(TemplateKey::of).toList(), now))
					.then(this.store.fillDeclaredParameters(wabaId))
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
