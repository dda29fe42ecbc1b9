package com.waplatform.simulator.media;

import java.time.Instant;

/**
 * A media file the simulator holds: uploaded by a business number, or sent by a customer
 * (inbound media posted through the admin API).
 *
 * @param id the media id
 * @param phoneNumberId the business number it was uploaded by or sent to
 * @param wabaId that number's WABA (whose tokens may read it)
 * @param mimeType the file's MIME type
 * @param bytes the file
 * @param sha256 hex SHA-256 of the bytes
 * @param createdAt when it was stored
 */
public record MediaObject(String id, String phoneNumberId, String wabaId, String mimeType, byte[] bytes, String sha256,
		Instant createdAt) {

	public long size() {
		return this.bytes.length;
	}

	@Override
	public String toString() {
		return "MediaObject[id=" + this.id + ", phoneNumberId=" + this.phoneNumberId + ", mimeType=" + this.mimeType
				+ ", size=" + this.bytes.length + "]";
	}

}
