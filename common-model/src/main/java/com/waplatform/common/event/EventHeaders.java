package com.waplatform.common.event;

/**
 * Kafka header names: CloudEvents 1.0 Kafka binding attribute names, plus two extensions.
 */
public final class EventHeaders {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE = "content-type";

	/** CloudEvents extension: schema version of the value, an integer. */
	public static final String SCHEMA_VERSION = "ce_schemaversion";

	/** CloudEvents extension: the organization the event belongs to. */
	public static final String ORGANIZATION_ID = "ce_organizationid";

	public static final String SPEC_VERSION_1_0 = "1.0";

	private EventHeaders() {
	}

}
