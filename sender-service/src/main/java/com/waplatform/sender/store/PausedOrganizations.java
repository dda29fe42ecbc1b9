package com.waplatform.sender.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.waplatform.common.message.ErrorInfo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The {@code paused_organizations} table: organizations whose sending is paused because
 * Meta rejected their access token, with the fingerprint of the rejected (sealed) token
 * so that an update of the credentials can be recognized.
 */
@Component
public class PausedOrganizations {

	private final DatabaseClient db;

	PausedOrganizations(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> pause(Pause pause) {
		return this.db.sql("""
				insert into paused_organizations (organization_id, phone_number_id, token_fingerprint, error_code,
				  error_title, paused_at)
				values (:org, :number, :fingerprint, :code, :title, :at)
				on conflict (organization_id) do update set phone_number_id = excluded.phone_number_id,
				  token_fingerprint = excluded.token_fingerprint, error_code = excluded.error_code,
				  error_title = excluded.error_title, paused_at = excluded.paused_at""")
			.bind("org", pause.organizationId())
			.bind("number", pause.phoneNumberId())
			.bind("fingerprint", pause.tokenFingerprint())
			.bind("code", (pause.error().code() != null) ? pause.error().code() : -1)
			.bind("title", pause.error().title())
			.bind("at", OffsetDateTime.ofInstant(pause.pausedAt(), ZoneOffset.UTC))
			.then();
	}

	/** Removes the pause if it is still the one for this fingerprint. */
	public Mono<Boolean> resume(String organizationId, String tokenFingerprint) {
		return this.db
			.sql("delete from paused_organizations where organization_id = :org and token_fingerprint = :fingerprint")
			.bind("org", organizationId)
			.bind("fingerprint", tokenFingerprint)
			.fetch()
			.rowsUpdated()
			.map((deleted) -> deleted == 1);
	}

	public Flux<Pause> all() {
		return this.db.sql("select * from paused_organizations").map((row) -> {
			Integer code = row.get("error_code", Integer.class);
			OffsetDateTime at = row.get("paused_at", OffsetDateTime.class);
			return new Pause(row.get("organization_id", String.class), row.get("phone_number_id", String.class),
					row.get("token_fingerprint", String.class), new ErrorInfo((code != null && code >= 0) ? code : null,
							row.get("error_title", String.class), null),
					(at != null) ? at.toInstant() : Instant.EPOCH);
		}).all();
	}

	/**
	 * Why and since when an organization's sending is paused.
	 *
	 * @param phoneNumberId the number whose token Meta rejected
	 * @param tokenFingerprint SHA-256 (hex) of the rejected sealed token
	 */
	public record Pause(String organizationId, String phoneNumberId, String tokenFingerprint, ErrorInfo error,
			Instant pausedAt) {

		public @Nullable Integer code() {
			return this.error.code();
		}

	}

}
