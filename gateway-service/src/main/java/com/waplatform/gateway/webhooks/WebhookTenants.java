package com.waplatform.gateway.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.gateway.config.WebhookProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Which organization (and so which app secret) each WhatsApp Business Account belongs to:
 * a webhook is verified with the secret of the tenant its entries name, never with
 * another's. Loaded once with the secrets opened, dropped when the admin API changes an
 * organization or a number here, and reloaded (at most once per
 * {@code gateway.webhook.secrets-reload-interval}) when a webhook names an account it
 * does not know, which covers changes made through another instance without letting a
 * flood of unknown accounts cost a query each.
 */
@Component
public class WebhookTenants {

	private final DatabaseClient db;

	private final CredentialCipher cipher;

	private final WebhookProperties properties;

	private final Clock clock = Clock.systemUTC();

	private volatile @Nullable Map<String, Tenant> byWaba;

	private volatile Instant loadedAt = Instant.EPOCH;

	WebhookTenants(DatabaseClient db, CredentialCipher cipher, WebhookProperties properties) {
		this.db = db;
		this.cipher = cipher;
		this.properties = properties;
	}

	/** Forgets what was loaded: the next webhook reloads it. */
	public void invalidate() {
		this.byWaba = null;
	}

	/**
	 * The tenants of the accounts named; unknown accounts are missing from the result.
	 */
	Mono<Map<String, Tenant>> resolve(Set<String> wabaIds) {
		Map<String, Tenant> cached = this.byWaba;
		if (cached != null && (cached.keySet().containsAll(wabaIds) || !stale())) {
			return Mono.just(select(cached, wabaIds));
		}
		return load().map((loaded) -> select(loaded, wabaIds));
	}

	private boolean stale() {
		return this.loadedAt.plus(this.properties.secretsReloadInterval()).isBefore(this.clock.instant());
	}

	private Mono<Map<String, Tenant>> load() {
		Instant startedAt = this.clock.instant();
		return this.db.sql("""
				select distinct p.waba_id, o.id, o.app_secret_sealed
				from phone_numbers p join organizations o on o.id = p.organization_id""")
			.map((row) -> new Row(row.get("waba_id", String.class), row.get("id", String.class),
					row.get("app_secret_sealed", String.class)))
			.all()
			.collectList()
			.map((rows) -> {
				Map<String, String> opened = new HashMap<>();
				Map<String, Tenant> tenants = new HashMap<>();
				for (Row row : rows) {
					String secret = opened.computeIfAbsent(row.sealedSecret(), this.cipher::open);
					// an account claimed by two organizations is nobody's: its webhooks
					// are refused rather than attributed to either
					tenants.merge(row.wabaId(), new Tenant(row.organizationId(), secret),
							(first, second) -> first.organizationId().equals(second.organizationId()) ? first
									: Tenant.AMBIGUOUS);
				}
				return Map.copyOf(tenants);
			})
			.doOnNext((loaded) -> {
				this.byWaba = loaded;
				this.loadedAt = startedAt;
			});
	}

	private static Map<String, Tenant> select(Map<String, Tenant> tenants, Set<String> wabaIds) {
		Map<String, Tenant> selected = new HashMap<>();
		for (String wabaId : wabaIds) {
			Optional.ofNullable(tenants.get(wabaId)).ifPresent((tenant) -> selected.put(wabaId, tenant));
		}
		return selected;
	}

	/** An organization and its Meta app secret (in clear text: never logged). */
	record Tenant(String organizationId, String appSecret) {

		static final Tenant AMBIGUOUS = new Tenant("", "");

		@Override
		public String toString() {
			return "Tenant[" + this.organizationId + ", appSecret=redacted]";
		}

	}

	private record Row(String wabaId, String organizationId, String sealedSecret) {
	}

}
