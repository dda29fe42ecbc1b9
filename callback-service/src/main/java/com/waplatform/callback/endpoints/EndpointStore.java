package com.waplatform.callback.endpoints;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.crypto.CredentialCipher;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The organizations' endpoints ({@code endpoints}). Every query names the organization:
 * another organization's endpoint is not found. Secrets are sealed with the platform's
 * credential key before they are stored ({@link CredentialCipher}) and never read back
 * through this API; only the delivery claim opens them.
 */
@Repository
public class EndpointStore {

	static final String COLUMNS = "id, organization_id, url, events, description, enabled, disabled_reason, "
			+ "disabled_at, consecutive_failures, secret_rotated_at, created_at, updated_at";

	private final DatabaseClient db;

	private final CredentialCipher cipher;

	private final Clock clock;

	EndpointStore(DatabaseClient db, CredentialCipher cipher, Clock clock) {
		this.db = db;
		this.cipher = cipher;
		this.clock = clock;
	}

	public Mono<Endpoint> create(String organizationId, String url, List<String> events, @Nullable String description,
			String secret) {
		Instant now = this.clock.instant();
		DatabaseClient.GenericExecuteSpec insert = this.db.sql("""
				insert into endpoints (id, organization_id, url, events, description, secret_sealed, created_at,
					updated_at)
				values (:id, :org, :url, :events, :description, :secret, :now, :now)
				returning %s""".formatted(COLUMNS))
			.bind("id", UUID.randomUUID())
			.bind("org", organizationId)
			.bind("url", url)
			.bind("events", events.toArray(String[]::new))
			.bind("secret", this.cipher.seal(secret))
			.bind("now", now);
		insert = (description != null) ? insert.bind("description", description)
				: insert.bindNull("description", String.class);
		return insert.map(EndpointStore::read).one();
	}

	/** The organization's endpoints, oldest first. */
	public Flux<Endpoint> list(String organizationId) {
		return this.db.sql("select " + COLUMNS + " from endpoints where organization_id = :org order by created_at, id")
			.bind("org", organizationId)
			.map(EndpointStore::read)
			.all();
	}

	public Mono<Endpoint> find(String organizationId, UUID id) {
		return this.db.sql("select " + COLUMNS + " from endpoints where organization_id = :org and id = :id")
			.bind("org", organizationId)
			.bind("id", id)
			.map(EndpointStore::read)
			.one();
	}

	/**
	 * Changes what is given (null: stays). Enabling clears the reason of an automatic
	 * disable and the run of failures, so deliveries kept while it was disabled go out
	 * again.
	 */
	public Mono<Endpoint> update(String organizationId, UUID id, @Nullable String url, @Nullable List<String> events,
			boolean descriptionGiven, @Nullable String description, @Nullable Boolean enabled) {
		DatabaseClient.GenericExecuteSpec update = this.db.sql("""
				update endpoints set
					url = coalesce(:url, url),
					events = coalesce(:events, events),
					description = case when :descriptionGiven then :description else description end,
					enabled = coalesce(:enabled, enabled),
					disabled_reason = case when :enabled is null then disabled_reason else null end,
					disabled_at = case when :enabled is null then disabled_at
						when :enabled then null else coalesce(disabled_at, :now) end,
					consecutive_failures = case when :enabled then 0 else consecutive_failures end,
					updated_at = :now
				where organization_id = :org and id = :id
				returning %s""".formatted(COLUMNS))
			.bind("org", organizationId)
			.bind("id", id)
			.bind("descriptionGiven", descriptionGiven)
			.bind("now", this.clock.instant());
		update = (url != null) ? update.bind("url", url) : update.bindNull("url", String.class);
		update = (events != null) ? update.bind("events", events.toArray(String[]::new))
				: update.bindNull("events", String[].class);
		update = (description != null) ? update.bind("description", description)
				: update.bindNull("description", String.class);
		update = (enabled != null) ? update.bind("enabled", enabled) : update.bindNull("enabled", Boolean.class);
		return update.map(EndpointStore::read).one();
	}

	/** Deletes the endpoint and its delivery log; emits whether it existed. */
	public Mono<Boolean> delete(String organizationId, UUID id) {
		return this.db.sql("delete from endpoints where organization_id = :org and id = :id")
			.bind("org", organizationId)
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/**
	 * Replaces the secret: the old one signs nothing from the next attempt on. Emits the
	 * endpoint, empty when it is not the organization's.
	 */
	public Mono<Endpoint> rotateSecret(String organizationId, UUID id, String secret) {
		Instant now = this.clock.instant();
		return this.db.sql("""
				update endpoints set secret_sealed = :secret, secret_rotated_at = :now, updated_at = :now
				where organization_id = :org and id = :id
				returning %s""".formatted(COLUMNS))
			.bind("secret", this.cipher.seal(secret))
			.bind("now", now)
			.bind("org", organizationId)
			.bind("id", id)
			.map(EndpointStore::read)
			.one();
	}

	/** The enabled endpoints of an organization subscribed to a kind of event. */
	public Flux<UUID> subscribers(String organizationId, String kind) {
		return this.db
			.sql("select id from endpoints where organization_id = :org and enabled and :kind = any(events) "
					+ "order by created_at, id")
			.bind("org", organizationId)
			.bind("kind", kind)
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

	static Endpoint read(Readable row) {
		String[] events = row.get("events", String[].class);
		return new Endpoint(row.get("id", UUID.class), row.get("organization_id", String.class),
				row.get("url", String.class), (events != null) ? Arrays.asList(events) : List.of(),
				row.get("description", String.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
				row.get("disabled_reason", String.class), row.get("disabled_at", Instant.class),
				row.get("consecutive_failures", Integer.class), row.get("secret_rotated_at", Instant.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

}
