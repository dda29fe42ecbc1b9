package com.waplatform.gateway.auth;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.waplatform.gateway.config.GatewayProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Issues API keys and resolves them to their organization. Resolved keys are cached for
 * {@code gateway.api-key-cache-ttl}, unknown ones for
 * {@code gateway.unknown-key-cache-ttl} (a flood of random keys costs one query per
 * distinct key and period, not per request); both caches are bounded.
 */
@Component
public class ApiKeyStore {

	private static final int MAX_CACHED = 10_000;

	private static final int MAX_UNKNOWN_CACHED = 100_000;

	private final DatabaseClient db;

	private final Cache<String, Optional<String>> cache;

	ApiKeyStore(DatabaseClient db, GatewayProperties properties) {
		this.db = db;
		this.cache = Caffeine.newBuilder()
			.maximumSize(MAX_CACHED + MAX_UNKNOWN_CACHED)
			.expireAfter(new PerEntryExpiry(properties))
			.build();
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
			.doOnSuccess((done) -> this.cache.invalidate(ApiKeys.hash(key)))
			.thenReturn(new IssuedKey(id, key, ApiKeys.displayPrefix(key)));
	}

	/** The organization owning an active key, or empty. */
	Mono<String> organizationOf(String key) {
		String hash = ApiKeys.hash(key);
		Optional<String> cached = this.cache.getIfPresent(hash);
		if (cached != null) {
			return Mono.justOrEmpty(cached);
		}
		return this.db.sql("select organization_id from api_keys where key_hash = :hash and revoked_at is null")
			.bind("hash", hash)
			.map((row) -> row.get("organization_id", String.class))
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.doOnNext((organizationId) -> this.cache.put(hash, organizationId))
			.flatMap(Mono::justOrEmpty);
	}

	public record IssuedKey(String id, String key, String prefix) {
	}

	/**
	 * Known keys live for the positive TTL, unknown ones for the (shorter) negative TTL.
	 */
	private record PerEntryExpiry(GatewayProperties properties)
			implements
				com.github.benmanes.caffeine.cache.Expiry<String, Optional<String>> {

		@Override
		public long expireAfterCreate(String key, Optional<String> value, long currentTime) {
			return (value.isPresent() ? this.properties.apiKeyCacheTtl() : this.properties.unknownKeyCacheTtl())
				.toNanos();
		}

		@Override
		public long expireAfterUpdate(String key, Optional<String> value, long currentTime, long currentDuration) {
			return expireAfterCreate(key, value, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Optional<String> value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
