package com.waplatform.sender.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.sender.store.PausedOrganizations;
import com.waplatform.sender.store.PausedOrganizations.Pause;
import com.waplatform.support.accounts.AccountDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Organizations whose sending is paused because Meta rejected an access token (0, 190):
 * no send of theirs can succeed until the credentials are updated, so their messages stay
 * queued instead of failing. Kept in {@code paused_organizations} (survives restarts) and
 * in memory. A pause ends when the account directory ({@code wa.accounts}) holds a
 * different sealed token for the number whose token was rejected. Alerts through
 * {@code sender.organizations.paused} (gauge) and {@code sender.organization.pauses}
 * (counter by organization), and an ERROR log without the token.
 */
@Component
public class OrganizationPauses {

	private static final Logger log = LoggerFactory.getLogger(OrganizationPauses.class);

	private final Map<String, Pause> paused = new ConcurrentHashMap<>();

	private final PausedOrganizations table;

	private final AccountDirectory accounts;

	private final MeterRegistry registry;

	private volatile boolean loaded;

	OrganizationPauses(PausedOrganizations table, AccountDirectory accounts, MeterRegistry registry) {
		this.table = table;
		this.accounts = accounts;
		this.registry = registry;
		Gauge.builder("sender.organizations.paused", this.paused, Map::size)
			.description("Organizations whose sending is paused until their Meta credentials are updated")
			.register(registry);
	}

	/** Whether the pauses were read from the table (nothing is sent before). */
	boolean loaded() {
		return this.loaded;
	}

	public boolean isPaused(String organizationId) {
		return this.paused.containsKey(organizationId);
	}

	public Optional<Pause> pause(String organizationId) {
		return Optional.ofNullable(this.paused.get(organizationId));
	}

	Mono<Void> ensureLoaded() {
		return Mono.defer(() -> this.loaded ? Mono.empty() : load());
	}

	private Mono<Void> load() {
		return this.table.all()
			.doOnNext((pause) -> this.paused.put(pause.organizationId(), pause))
			.then(Mono.fromRunnable(() -> {
				this.loaded = true;
				if (!this.paused.isEmpty()) {
					log.error("Sending is paused for organizations {} (Meta rejected their access token)",
							this.paused.keySet());
				}
			}));
	}

	/**
	 * Pauses the organization after Meta rejected the token of {@code number}; emits
	 * false (no pause) if the number's credentials changed while the call was in flight.
	 */
	Mono<Boolean> pause(PhoneNumberConfigured number, ErrorInfo error) {
		String fingerprint = fingerprint(number.accessTokenSealed());
		Optional<String> current = this.accounts.phoneNumber(number.phoneNumberId())
			.map((configured) -> fingerprint(configured.accessTokenSealed()));
		if (current.isPresent() && !current.get().equals(fingerprint)) {
			return Mono.just(false);
		}
		Pause pause = new Pause(number.organizationId(), number.phoneNumberId(), fingerprint, error, Instant.now());
		return this.table.pause(pause).then(Mono.fromCallable(() -> {
			boolean first = this.paused.put(number.organizationId(), pause) == null;
			if (first) {
				Counter.builder("sender.organization.pauses")
					.description("Times an organization's sending was paused on an auth error")
					.tag("organization_id", number.organizationId())
					.register(this.registry)
					.increment();
				log.error(
						"Meta rejected the access token of organization {} (business number {}): {}. "
								+ "Its sending is paused until its credentials are updated; messages stay queued",
						number.organizationId(), number.phoneNumberId(), error);
			}
			return true;
		}));
	}

	/**
	 * Ends the pauses whose rejected token has been replaced in the account directory;
	 * emits the organizations resumed.
	 */
	Mono<List<String>> resumeUpdated() {
		return Flux.defer(() -> Flux.fromIterable(List.copyOf(this.paused.values())))
			.filter(this::credentialsUpdated)
			.concatMap((pause) -> this.table.resume(pause.organizationId(), pause.tokenFingerprint()).map((resumed) -> {
				this.paused.remove(pause.organizationId(), pause);
				log.info("Credentials of organization {} were updated: sending resumed", pause.organizationId());
				return pause.organizationId();
			}))
			.collectList();
	}

	private boolean credentialsUpdated(Pause pause) {
		return this.accounts.phoneNumber(pause.phoneNumberId())
			.map((number) -> !fingerprint(number.accessTokenSealed()).equals(pause.tokenFingerprint()))
			.orElse(false);
	}

	static String fingerprint(String sealedToken) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sealedToken.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
