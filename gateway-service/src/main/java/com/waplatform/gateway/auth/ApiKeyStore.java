package com.waplatform.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.gateway.config.GatewayProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Issues API keys and resolves them to their organization. Resolved keys are cached for
 * {@code gateway.api-key-cache-ttl}; unknown keys are not cached.
 */
@Component
public class ApiKeyStore {

	private static final int MAX_CACHED = 10_000;

	private final DatabaseClient db;

	private final GatewayProperties properties;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ApiKeyStore(DatabaseClient db, GatewayProperties properties) {
		this.db = db;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/** A new key for the organization; the clear key exists only in the result. */
	public Mono<IssuedKey> issue(String organizationId, @Nullable String provided) {
		String key = (provided != null) ? provided : ApiKeys.generate();
		String id = "key_" + UUID.randomUUID().toString().replace("-", "");
		return this.db
			.sql("insert into api_keys (id, organization_id, key_hash, prefix) values (:id, :org, :hash, :prefix)")
			.bind("id", id)
			.bind("org", organizationId)
			.bind("hash", ApiKeys.hash(key))
			.bind("prefix", ApiKeys.displayPrefix(key))
			.then()
			.thenReturn(new IssuedKey(id, key, ApiKeys.displayPrefix(key)));
	}

	/** The organization owning an active key, or empty. */
	Mono<String> organizationOf(String key) {
		String hash = ApiKeys.hash(key);
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(hash);
		if (cached != null && cached.expiresAt().isAfter(now)) {
			return Mono.just(cached.organizationId());
		}
		return this.db.sql("select organization_id from api_keys where key_hash = :hash and revoked_at is null")
			.bind("hash", hash)
			.map((row) -> row.get("organization_id", String.class))
			.one()
			.doOnNext((organizationId) -> remember(hash, organizationId, now));
	}

	private void remember(String hash, String organizationId, Instant now) {
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		this.cache.put(hash, new Cached(organizationId, now.plus(this.properties.apiKeyCacheTtl())));
	}

	public record IssuedKey(String id, String key, String prefix) {
	}

	private record Cached(String organizationId, Instant expiresAt) {
	}

}
