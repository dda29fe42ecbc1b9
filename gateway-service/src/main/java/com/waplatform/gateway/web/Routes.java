package com.waplatform.gateway.web;

/**
 * Every route of the gateway, as the path patterns both the controllers' mappings and the
 * security rules ({@code GatewaySecurity}) use, so that authorization is decided on
 * exactly the route that handles a request.
 */
public final class Routes {

	public static final String MESSAGES = "/v1/messages";

	/** {@code GET}: a message; {@code DELETE}: cancels it while it is scheduled. */
	public static final String MESSAGE = "/v1/messages/{messageId}";

	/**
	 * {@code GET}: the organization's conversations, newest activity first.
	 */
	public static final String CONVERSATIONS = "/v1/conversations";

	/**
	 * {@code GET}: one customer's inbound and outbound messages, newest first.
	 */
	public static final String CONVERSATION_MESSAGES = "/v1/conversations/{customer}/messages";

	/**
	 * {@code POST}: marks the customer's last inbound message as read (at Meta too).
	 */
	public static final String CONVERSATION_READ = "/v1/conversations/{customer}/read";

	/** {@code GET}: the suppression list; {@code POST}: suppresses a customer. */
	public static final String SUPPRESSIONS = "/v1/suppressions";

	/**
	 * {@code GET}: a customer's suppression with its audit; {@code DELETE}: removes it.
	 */
	public static final String SUPPRESSION = "/v1/suppressions/{customer}";

	public static final String TEMPLATES = "/v1/templates";

	public static final String TEMPLATE = "/v1/templates/{name}";

	public static final String TEMPLATE_PREVIEW = "/v1/templates/{name}/preview";

	public static final String TEMPLATE_SYNC = "/v1/templates/sync";

	public static final String EVENTS = "/v1/events";

	public static final String EVENT = "/v1/events/{eventId}";

	/** {@code GET}: the organization's workflows; {@code POST}: creates one. */
	public static final String WORKFLOWS = "/v1/workflows";

	/** {@code POST}: installs the platform's default workflows. */
	public static final String WORKFLOW_DEFAULTS = "/v1/workflows/defaults";

	/** {@code GET}, {@code PUT} (replaces it), {@code DELETE}: one workflow. */
	public static final String WORKFLOW = "/v1/workflows/{workflowId}";

	public static final String WORKFLOW_ENABLE = "/v1/workflows/{workflowId}/enable";

	public static final String WORKFLOW_DISABLE = "/v1/workflows/{workflowId}/disable";

	public static final String WORKFLOW_VERSIONS = "/v1/workflows/{workflowId}/versions";

	/**
	 * {@code POST}: tries a workflow on a sample CloudEvent (workflow-service's test
	 * run).
	 */
	public static final String WORKFLOW_TEST = "/v1/workflows/{workflowId}/test";

	/**
	 * {@code GET}: the organization's callback endpoints; {@code POST}: registers one.
	 */
	public static final String CALLBACKS = "/v1/callbacks";

	/** {@code GET}, {@code PATCH}, {@code DELETE}: one callback endpoint. */
	public static final String CALLBACK = "/v1/callbacks/{callbackId}";

	/** {@code POST}: a new signing secret, shown once. */
	public static final String CALLBACK_ROTATE_SECRET = "/v1/callbacks/{callbackId}/rotate-secret";

	/** {@code GET}: the endpoint's delivery log, paged. */
	public static final String CALLBACK_DELIVERIES = "/v1/callbacks/{callbackId}/deliveries";

	/** {@code POST}: a new attempt series for a delivered or given-up delivery. */
	public static final String CALLBACK_REPLAY = "/v1/callbacks/{callbackId}/deliveries/{deliveryId}/replay";

	/**
	 * {@code POST}: uploads a media file (multipart {@code file}, optional {@code from}).
	 */
	public static final String MEDIA = "/v1/media";

	/** {@code GET}: streams a media file the organization received or uploaded. */
	public static final String MEDIA_FILE = "/v1/media/{mediaId}";

	/** {@code GET}: the organization's business numbers with their health. */
	public static final String NUMBERS = "/v1/numbers";

	/** {@code GET}: the organization's queue per business number. */
	public static final String QUEUE = "/v1/queue";

	/** {@code GET}: message analytics ({@code since}, {@code until}, {@code groupBy}). */
	public static final String MESSAGE_ANALYTICS = "/v1/analytics/messages";

	public static final String ORGANIZATIONS = "/v1/admin/organizations";

	public static final String ORGANIZATION = "/v1/admin/organizations/{organizationId}";

	/**
	 * {@code GET}, {@code PUT} (replaces them): the organization's messaging settings.
	 */
	public static final String ORGANIZATION_SETTINGS = "/v1/admin/organizations/{organizationId}/settings";

	public static final String PHONE_NUMBERS = "/v1/admin/organizations/{organizationId}/phone-numbers";

	public static final String API_KEYS = "/v1/admin/organizations/{organizationId}/api-keys";

	public static final String API_KEY = "/v1/admin/organizations/{organizationId}/api-keys/{keyId}";

	/**
	 * {@code GET}: the dead letters of every {@code wa.*-dlt} topic (or of one), paged.
	 */
	public static final String DEAD_LETTERS = "/v1/admin/dead-letters";

	/**
	 * {@code POST}: publishes selected (or all) dead letters of a topic again, each once.
	 */
	public static final String DEAD_LETTER_REPLAY = "/v1/admin/dead-letters/replay";

	public static final String META_WEBHOOKS = "/webhooks/meta";

	/** {@code GET}: the OpenAPI 3.1 document of every route here, as JSON. */
	public static final String API_DOCS = "/v3/api-docs";

	/** {@code GET}: the same document as YAML. */
	public static final String API_DOCS_YAML = "/v3/api-docs.yaml";

	/** {@code GET}: Swagger UI's configuration (where the document is). */
	public static final String API_DOCS_UI_CONFIG = "/v3/api-docs/swagger-config";

	/**
	 * {@code GET}: Swagger UI (redirects to its page under {@link #API_DOCS_UI_FILES}).
	 */
	public static final String API_DOCS_UI = "/swagger-ui.html";

	/** {@code GET}: Swagger UI's page, scripts and styles (from springdoc's webjar). */
	public static final String API_DOCS_UI_FILES = "/swagger-ui/**";

	/** Where API keys and the admin token are read (everything else needs none). */
	public static final String API = "/v1/**";

	private Routes() {
	}

}
