package com.waplatform.gateway.admin;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.account.QuietHours;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.gateway.admin.AdminRequests.ConfigurePhoneNumber;
import com.waplatform.gateway.admin.AdminViews.ApiKey;
import com.waplatform.gateway.admin.AdminViews.Organization;
import com.waplatform.gateway.admin.AdminViews.OrganizationCreated;
import com.waplatform.gateway.admin.AdminViews.PhoneNumber;
import com.waplatform.gateway.admin.AdminViews.Settings;
import com.waplatform.gateway.admin.domain.ConversationSettingsWriter;
import com.waplatform.gateway.admin.domain.SettingsRequestReader;
import com.waplatform.gateway.templates.domain.LanguageFallbacks;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.webhooks.WebhookTenants;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.outbox.Outbox;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Organizations, their settings and their business phone numbers. A number's
 * configuration, and an organization's settings (with its language fallbacks, as
 * {@link OrganizationSettings}), are written and announced on {@code wa.accounts} in one
 * transaction (outbox), then applied to this instance's {@link AccountDirectory} so the
 * gateway uses them at once. Settings are announced when the organization is created (the
 * defaults), and again on every change of the settings or the fallbacks.
 */
@Service
class OrganizationAdmin {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SETTINGS_COLUMNS = "id, automation_enabled, marketing_enabled, quiet_hours_start, "
			+ "quiet_hours_end, time_zone, language_fallbacks::text as fallbacks, conversations::text as conversations";

	private static final String NUMBER_COLUMNS = "phone_number_id, organization_id, waba_id, display_phone_number, "
			+ "access_token_sealed, throughput_per_second, is_default";

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final Outbox outbox;

	private final CredentialCipher cipher;

	private final AccountDirectory directory;

	private final WebhookTenants webhookTenants;

	OrganizationAdmin(DatabaseClient db, TransactionalOperator tx, Outbox outbox, CredentialCipher cipher,
			AccountDirectory directory, WebhookTenants webhookTenants) {
		this.db = db;
		this.tx = tx;
		this.outbox = outbox;
		this.cipher = cipher;
		this.directory = directory;
		this.webhookTenants = webhookTenants;
	}

	Mono<OrganizationCreated> create(String name, String appSecret, @Nullable Map<String, String> languageFallbacks) {
		String id = "org_" + HexFormat.of().formatHex(randomBytes(8));
		Map<String, String> fallbacks = (languageFallbacks != null) ? languageFallbacks : Map.of();
		OrganizationSettings settings = OrganizationSettings.of(id, true, true, null, null, fallbacks);
		Mono<Void> write = this.db.sql("""
				insert into organizations (id, name, app_secret_sealed, language_fallbacks)
				values (:id, :name, :secret, cast(:fallbacks as jsonb))""")
			.bind("id", id)
			.bind("name", name)
			.bind("secret", this.cipher.seal(appSecret))
			.bind("fallbacks", Json.mapper().writeValueAsString(fallbacks))
			.then()
			.then(this.outbox.append(Topics.ACCOUNTS, settings));
		return validFallbacks(fallbacks).then(this.tx.transactional(write)).doOnSuccess((done) -> {
			this.directory.apply(settings);
			this.webhookTenants.invalidate();
		}).thenReturn(new OrganizationCreated(id, name));
	}

	/**
	 * Creates or updates (credential rotation) a number. Making it the default clears the
	 * flag on the organization's other numbers, which are announced again too.
	 */
	Mono<PhoneNumber> configure(String organizationId, ConfigurePhoneNumber request) {
		PhoneNumberConfigured configured = PhoneNumberConfigured.of(organizationId, request.phoneNumberId(),
				request.wabaId(), request.displayPhoneNumber(), this.cipher.seal(request.accessToken()),
				request.throughput(), request.isDefault());
		Mono<List<PhoneNumberConfigured>> write = requireOrganization(organizationId)
			.then(requireAccountNotElsewhere(configured))
			.then(upsert(configured))
			.flatMap((updated) -> {
				if (updated == 0) {
					return Mono.error(Problems.exception(HttpStatus.CONFLICT, "conflict", "Conflict",
							"Phone number " + configured.phoneNumberId() + " belongs to another organization"));
				}
				return (configured.defaultNumber()) ? clearOtherDefaults(configured)
						: Mono.just(List.<PhoneNumberConfigured>of());
			})
			.flatMap((cleared) -> {
				List<PhoneNumberConfigured> events = new ArrayList<>(cleared);
				events.add(configured);
				return Flux.fromIterable(events)
					.concatMap((event) -> this.outbox.append(Topics.ACCOUNTS, event))
					.then(Mono.just(List.copyOf(events)));
			});
		return this.tx.transactional(write).doOnNext((events) -> {
			events.forEach(this.directory::apply);
			this.webhookTenants.invalidate();
		}).thenReturn(view(configured));
	}

	/**
	 * Replaces the organization's template language fallbacks, and announces its settings
	 * again with them.
	 */
	Mono<Void> setLanguageFallbacks(String organizationId, Map<String, String> fallbacks) {
		Mono<OrganizationSettings> write = this.db
			.sql("update organizations set language_fallbacks = cast(:fallbacks as jsonb) where id = :id returning "
					+ SETTINGS_COLUMNS)
			.bind("id", organizationId)
			.bind("fallbacks", Json.mapper().writeValueAsString(fallbacks))
			.map(OrganizationAdmin::announced)
			.one()
			.switchIfEmpty(Mono.error(() -> unknown(organizationId)))
			.flatMap((settings) -> this.outbox.append(Topics.ACCOUNTS, settings).thenReturn(settings));
		return validFallbacks(fallbacks).then(this.tx.transactional(write)).doOnNext(this.directory::apply).then();
	}

	/** The organization's settings as the admin API shows them. */
	Mono<Settings> settings(String organizationId) {
		return this.db.sql("select " + SETTINGS_COLUMNS + " from organizations where id = :id")
			.bind("id", organizationId)
			.map(OrganizationAdmin::announced)
			.one()
			.switchIfEmpty(Mono.error(() -> unknown(organizationId)))
			.map(Settings::of);
	}

	/**
	 * Replaces the organization's settings (validated by {@link SettingsRequestReader})
	 * and announces them, with its language fallbacks.
	 */
	Mono<Settings> replaceSettings(String organizationId, SettingsRequestReader.Settings requested) {
		QuietHours quietHours = requested.quietHours();
		DatabaseClient.GenericExecuteSpec update = this.db.sql("""
				update organizations set automation_enabled = :automation, marketing_enabled = :marketing,
				quiet_hours_start = :start, quiet_hours_end = :end, time_zone = :zone,
				conversations = cast(:conversations as jsonb)
				where id = :id returning\s""" + SETTINGS_COLUMNS)
			.bind("id", organizationId)
			.bind("automation", requested.automationEnabled())
			.bind("marketing", requested.marketingEnabled())
			.bind("conversations",
					Json.mapper().writeValueAsString(ConversationSettingsWriter.write(requested.conversations())));
		update = bindNullable(update, "start", (quietHours != null) ? quietHours.start() : null, LocalTime.class);
		update = bindNullable(update, "end", (quietHours != null) ? quietHours.end() : null, LocalTime.class);
		update = bindNullable(update, "zone", requested.timeZone(), String.class);
		Mono<OrganizationSettings> write = update.map(OrganizationAdmin::announced)
			.one()
			.switchIfEmpty(Mono.error(() -> unknown(organizationId)))
			.flatMap((settings) -> this.outbox.append(Topics.ACCOUNTS, settings).thenReturn(settings));
		return this.tx.transactional(write).doOnNext(this.directory::apply).map(Settings::of);
	}

	private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
			@Nullable Object value, Class<?> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	private static Mono<Void> validFallbacks(Map<String, String> fallbacks) {
		List<FieldViolation> problems = LanguageFallbacks.problems(fallbacks)
			.stream()
			.map((problem) -> new FieldViolation(problem.field(), problem.message()))
			.toList();
		return problems.isEmpty() ? Mono.empty()
				: Mono.error(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, problems));
	}

	Mono<Organization> find(String organizationId) {
		Mono<Organization> organization = this.db
			.sql("select name, created_at, " + SETTINGS_COLUMNS + " from organizations where id = :id")
			.bind("id", organizationId)
			.map((row) -> new Organization(row.get("id", String.class), row.get("name", String.class),
					row.get("created_at", Instant.class), fallbacks(row.get("fallbacks", String.class)),
					Settings.of(announced(row)), List.of(), List.of()))
			.one();
		Mono<List<PhoneNumber>> numbers = this.db
			.sql("select " + NUMBER_COLUMNS
					+ " from phone_numbers where organization_id = :org order by phone_number_id")
			.bind("org", organizationId)
			.map((row) -> view(configuration(row)))
			.all()
			.collectList();
		Mono<List<ApiKey>> keys = this.db.sql(
				"select id, prefix, created_at, revoked_at from api_keys where organization_id = :org order by created_at")
			.bind("org", organizationId)
			.map((row) -> new ApiKey(row.get("id", String.class), row.get("prefix", String.class),
					row.get("created_at", Instant.class), row.get("revoked_at", Instant.class)))
			.all()
			.collectList();
		return organization.switchIfEmpty(Mono.error(() -> unknown(organizationId)))
			.zipWith(Mono.zip(numbers, keys), (found, lists) -> new Organization(found.id(), found.name(),
					found.createdAt(), found.languageFallbacks(), found.settings(), lists.getT1(), lists.getT2()));
	}

	/**
	 * A WhatsApp Business Account belongs to one organization: its webhooks are verified
	 * with that organization's app secret alone.
	 */
	private Mono<Void> requireAccountNotElsewhere(PhoneNumberConfigured number) {
		return this.db.sql("select 1 from phone_numbers where waba_id = :waba and organization_id <> :org limit 1")
			.bind("waba", number.wabaId())
			.bind("org", number.organizationId())
			.map((row) -> true)
			.one()
			.flatMap((taken) -> Mono.<Void>error(Problems.exception(HttpStatus.CONFLICT, "conflict", "Conflict",
					"WhatsApp Business Account " + number.wabaId() + " belongs to another organization")));
	}

	Mono<Void> requireOrganization(String organizationId) {
		return this.db.sql("select id from organizations where id = :id")
			.bind("id", organizationId)
			.map((row) -> row.get("id", String.class))
			.one()
			.switchIfEmpty(Mono.error(() -> unknown(organizationId)))
			.then();
	}

	Mono<Boolean> revokeKey(String organizationId, String keyId) {
		return this.db.sql(
				"update api_keys set revoked_at = now() where id = :id and organization_id = :org and revoked_at is null")
			.bind("id", keyId)
			.bind("org", organizationId)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	private Mono<Long> upsert(PhoneNumberConfigured number) {
		return this.db.sql("insert into phone_numbers (" + NUMBER_COLUMNS + ") "
				+ "values (:id, :org, :waba, :display, :token, :throughput, :default) "
				+ "on conflict (phone_number_id) do update set waba_id = excluded.waba_id, "
				+ "display_phone_number = excluded.display_phone_number, access_token_sealed = excluded.access_token_sealed, "
				+ "throughput_per_second = excluded.throughput_per_second, is_default = excluded.is_default, updated_at = now() "
				+ "where phone_numbers.organization_id = excluded.organization_id")
			.bind("id", number.phoneNumberId())
			.bind("org", number.organizationId())
			.bind("waba", number.wabaId())
			.bind("display", number.displayPhoneNumber())
			.bind("token", number.accessTokenSealed())
			.bind("throughput", number.throughputPerSecond())
			.bind("default", number.defaultNumber())
			.fetch()
			.rowsUpdated();
	}

	private Mono<List<PhoneNumberConfigured>> clearOtherDefaults(PhoneNumberConfigured number) {
		return this.db
			.sql("update phone_numbers set is_default = false, updated_at = now() "
					+ "where organization_id = :org and phone_number_id <> :id and is_default returning "
					+ NUMBER_COLUMNS)
			.bind("org", number.organizationId())
			.bind("id", number.phoneNumberId())
			.map(OrganizationAdmin::configuration)
			.all()
			.collectList();
	}

	private static PhoneNumberConfigured configuration(Readable row) {
		return PhoneNumberConfigured.of(row.get("organization_id", String.class),
				row.get("phone_number_id", String.class), row.get("waba_id", String.class),
				row.get("display_phone_number", String.class), row.get("access_token_sealed", String.class),
				row.get("throughput_per_second", Integer.class),
				Boolean.TRUE.equals(row.get("is_default", Boolean.class)));
	}

	/** The settings of a row selected with {@link #SETTINGS_COLUMNS}, as announced. */
	private static OrganizationSettings announced(Readable row) {
		LocalTime start = row.get("quiet_hours_start", LocalTime.class);
		LocalTime end = row.get("quiet_hours_end", LocalTime.class);
		return OrganizationSettings.of(row.get("id", String.class),
				!Boolean.FALSE.equals(row.get("automation_enabled", Boolean.class)),
				!Boolean.FALSE.equals(row.get("marketing_enabled", Boolean.class)),
				(start != null && end != null) ? new QuietHours(start, end) : null, row.get("time_zone", String.class),
				fallbacks(row.get("fallbacks", String.class)), conversations(row.get("conversations", String.class)));
	}

	private static PhoneNumber view(PhoneNumberConfigured number) {
		return new PhoneNumber(number.phoneNumberId(), number.wabaId(), number.displayPhoneNumber(),
				number.throughputPerSecond(), number.defaultNumber());
	}

	private static ConversationSettings conversations(@Nullable String json) {
		return (json != null) ? SettingsRequestReader.conversations(Json.mapper().readTree(json))
				: ConversationSettings.DEFAULTS;
	}

	private static Map<String, String> fallbacks(@Nullable String json) {
		Map<String, String> fallbacks = new TreeMap<>();
		if (json != null) {
			Json.mapper().readTree(json).properties().forEach((entry) -> {
				if (entry.getValue().isString()) {
					fallbacks.put(entry.getKey(), entry.getValue().stringValue());
				}
			});
		}
		return fallbacks;
	}

	private static RuntimeException unknown(String organizationId) {
		return Problems.notFound("No organization " + organizationId);
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
