package com.waplatform.gateway.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.gateway.config.WebhookProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The organizations' Meta app secrets, opened once and cached. The cache is dropped when
 * an organization is added here, and reloaded (at most once per
 * {@code gateway.webhook.secrets-reload-interval}) when a signature matches none of the
 * cached secrets, which covers organizations added through another instance.
 */
@Component
public class AppSecrets {

	private final DatabaseClient db;

	private final CredentialCipher cipher;

	private final WebhookProperties properties;

	private final Clock clock = Clock.systemUTC();

	private volatile @Nullable List<String> secrets;

	private volatile Instant loadedAt = Instant.EPOCH;

	AppSecrets(DatabaseClient db, CredentialCipher cipher, WebhookProperties properties) {
		this.db = db;
		this.cipher = cipher;
		this.properties = properties;
	}

	/** Forgets the cached secrets: the next webhook reloads them. */
	public void invalidate() {
		this.secrets = null;
	}

	/** Whether the signature header is valid for the body under any app secret. */
	Mono<Boolean> verify(byte[] body, @Nullable String signature) {
		if (signature == null) {
			return Mono.just(false);
		}
		List<String> cached = this.secrets;
		Mono<List<String>> current = (cached != null) ? Mono.just(cached) : load();
		return current.flatMap((known) -> {
			if (matchesAny(known, body, signature)) {
				return Mono.just(true);
			}
			boolean stale = this.loadedAt.plus(this.properties.secretsReloadInterval()).isBefore(this.clock.instant());
			return stale ? load().map((reloaded) -> matchesAny(reloaded, body, signature)) : Mono.just(false);
		});
	}

	private Mono<List<String>> load() {
		return this.db.sql("select distinct app_secret_sealed from organizations")
			.map((row) -> row.get("app_secret_sealed", String.class))
			.all()
			.map(this.cipher::open)
			.distinct()
			.collectList()
			.doOnNext((opened) -> {
				this.secrets = List.copyOf(opened);
				this.loadedAt = this.clock.instant();
			});
	}

	/**
	 * Checks every secret (each comparison is constant-time) rather than stopping at the
	 * first match, so the time taken does not tell which organization signed.
	 */
	private static boolean matchesAny(List<String> secrets, byte[] body, String signature) {
		boolean matched = false;
		for (String secret : secrets) {
			matched |= WebhookSignature.verify(secret, body, signature);
		}
		return matched;
	}

}
