package com.waplatform.gateway.media;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * {@code media_objects}: the media ids each organization may fetch, with the business
 * number whose token reads them. Every query names the organization.
 */
@Component
class MediaObjects {

	static final String INBOUND = "inbound";

	static final String UPLOADED = "uploaded";

	private final DatabaseClient db;

	MediaObjects(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records that the organization may fetch the media id (a repeat changes nothing).
	 */
	Mono<Void> record(String organizationId, String mediaId, String phoneNumberId, String direction,
			@Nullable String mimeType) {
		DatabaseClient.GenericExecuteSpec insert = this.db
			.sql("insert into media_objects (organization_id, media_id, phone_number_id, direction, mime_type) "
					+ "values (:org, :media, :number, :direction, :mime) on conflict do nothing")
			.bind("org", organizationId)
			.bind("media", mediaId)
			.bind("number", phoneNumberId)
			.bind("direction", direction);
		insert = (mimeType != null) ? insert.bind("mime", mimeType) : insert.bindNull("mime", String.class);
		return insert.then();
	}

	/** The organization's media object of that id, if it has one. */
	Mono<Known> find(String organizationId, String mediaId) {
		return this.db
			.sql("select phone_number_id, direction, mime_type from media_objects "
					+ "where organization_id = :org and media_id = :media")
			.bind("org", organizationId)
			.bind("media", mediaId)
			.map((row) -> new Known(mediaId, row.get("phone_number_id", String.class),
					row.get("direction", String.class), row.get("mime_type", String.class)))
			.one();
	}

	/**
	 * @param phoneNumberId the business number that received or uploaded it
	 * @param direction inbound or uploaded
	 */
	record Known(String mediaId, String phoneNumberId, String direction, @Nullable String mimeType) {
	}

}
