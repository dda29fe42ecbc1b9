package com.waplatform.support.accounts;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.common.account.AccountEvent;
import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.account.SendingState;
import com.waplatform.common.crypto.CredentialCipher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Every instance's view of the organizations' business phone numbers and settings,
 * rebuilt from the compacted {@code wa.accounts} topic: each instance reads the whole
 * topic under its own consumer group.
 */
public class AccountDirectory {

	private final Map<String, PhoneNumberConfigured> byPhoneNumberId = new ConcurrentHashMap<>();

	private final Map<String, OrganizationSettings> settingsByOrganization = new ConcurrentHashMap<>();

	/**
	 * The latest value of each health aspect, by its key ({@link NumberHealth#key()}).
	 */
	private final Map<String, NumberHealth> healthByKey = new ConcurrentHashMap<>();

	private final Map<String, SendingState> sendingByPhoneNumberId = new ConcurrentHashMap<>();

	private final CredentialCipher cipher;

	private final Sinks.Empty<Void> ready = Sinks.empty();

	/**
	 * The last token opened per number, so that a send does not decrypt it again (at
	 * 1,000 messages a second that was a measurable share of the sender's CPU); a new
	 * sealed value (rotation) is opened afresh.
	 */
	private final Map<String, OpenedToken> openedTokens = new ConcurrentHashMap<>();

	public AccountDirectory(CredentialCipher cipher) {
		this.cipher = cipher;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).ACCOUNTS.name()}",
			groupId = "#{T(java.util.UUID).randomUUID().toString()}",
			properties = ConsumerConfig.AUTO_OFFSET_RESET_CONFIG + "=earliest")
	void onAccountEvent(ConsumerRecord<String, AccountEvent> record) {
		if (record.value() == null) {
			if (record.key().startsWith(OrganizationSettings.KEY_PREFIX)) {
				this.settingsByOrganization.remove(record.key().substring(OrganizationSettings.KEY_PREFIX.length()));
			}
			this.byPhoneNumberId.remove(record.key());
			this.openedTokens.remove(record.key());
			this.healthByKey.remove(record.key());
			if (record.key().startsWith(SendingState.KEY_PREFIX)) {
				this.sendingByPhoneNumberId.remove(record.key().substring(SendingState.KEY_PREFIX.length()));
			}
		}
		else if (record.value() instanceof PhoneNumberConfigured configured) {
			apply(configured);
		}
		else if (record.value() instanceof OrganizationSettings settings) {
			apply(settings);
		}
		else if (record.value() instanceof NumberHealth health) {
			this.healthByKey.put(health.key(), health);
		}
		else if (record.value() instanceof SendingState sending) {
			this.sendingByPhoneNumberId.put(sending.phoneNumberId(), sending);
		}
	}

	/**
	 * Completes once the directory has read {@code wa.accounts} to its end after the
	 * start ({@link #readToEnd}): before, a number it does not know may just not be read
	 * yet.
	 */
	public Mono<Void> ready() {
		return this.ready.asMono();
	}

	/** The directory's consumer has reached the end of {@code wa.accounts} once. */
	public void readToEnd() {
		this.ready.tryEmitEmpty();
	}

	/**
	 * The latest health facts Meta reported for a number (by its display number) and for
	 * its whole account (WABA).
	 */
	public Collection<NumberHealth> health(PhoneNumberConfigured number) {
		String digits = number.displayPhoneNumber().replaceAll("\\D", "");
		return this.healthByKey.values()
			.stream()
			.filter((health) -> health.wabaId().equals(number.wabaId()) && (health.displayPhoneNumber() == null
					|| health.displayPhoneNumber().replaceAll("\\D", "").equals(digits)))
			.toList();
	}

	/** How the sender last said it sends from this number, if it said. */
	public Optional<SendingState> sendingState(String phoneNumberId) {
		return Optional.ofNullable(this.sendingByPhoneNumberId.get(phoneNumberId));
	}

	/**
	 * Applies settings directly (the producer of {@code wa.accounts} sees its own writes
	 * at once).
	 */
	public void apply(OrganizationSettings settings) {
		this.settingsByOrganization.merge(settings.organizationId(), settings, AccountDirectory::later);
	}

	/**
	 * The organization's settings, or {@link OrganizationSettings#defaults} when none
	 * were ever set.
	 */
	public OrganizationSettings settings(String organizationId) {
		OrganizationSettings settings = this.settingsByOrganization.get(organizationId);
		return (settings != null) ? settings : OrganizationSettings.defaults(organizationId);
	}

	/**
	 * Applies a configuration directly (the producer of {@code wa.accounts} sees its own
	 * writes at once).
	 */
	public void apply(PhoneNumberConfigured configured) {
		this.byPhoneNumberId.merge(configured.phoneNumberId(), configured, AccountDirectory::later);
	}

	/**
	 * The later of two versions: a producer applies its own write at once, and the older
	 * record it published before may be read from the topic after it (the outbox relays
	 * in its own time); that older record must not undo the newer write.
	 */
	private static <T extends AccountEvent> T later(T current, T incoming) {
		return incoming.occurredAt().isBefore(current.occurredAt()) ? current : incoming;
	}

	public Optional<PhoneNumberConfigured> phoneNumber(String phoneNumberId) {
		return Optional.ofNullable(this.byPhoneNumberId.get(phoneNumberId));
	}

	public Optional<PhoneNumberConfigured> defaultNumber(String organizationId) {
		return this.byPhoneNumberId.values()
			.stream()
			.filter((number) -> number.organizationId().equals(organizationId))
			.sorted((a, b) -> Boolean.compare(b.defaultNumber(), a.defaultNumber()))
			.findFirst();
	}

	public Optional<String> organizationOfWaba(String wabaId) {
		return this.byPhoneNumberId.values()
			.stream()
			.filter((number) -> number.wabaId().equals(wabaId))
			.map(PhoneNumberConfigured::organizationId)
			.findFirst();
	}

	public Collection<PhoneNumberConfigured> all() {
		return this.byPhoneNumberId.values();
	}

	/**
	 * The number's Meta access token in clear text, for the Authorization header only.
	 */
	public String accessToken(PhoneNumberConfigured number) {
		OpenedToken opened = this.openedTokens.get(number.phoneNumberId());
		if (opened != null && opened.sealed().equals(number.accessTokenSealed())) {
			return opened.token();
		}
		String token = this.cipher.open(number.accessTokenSealed());
		this.openedTokens.put(number.phoneNumberId(), new OpenedToken(number.accessTokenSealed(), token));
		return token;
	}

	private record OpenedToken(String sealed, String token) {

		@Override
		public String toString() {
			return "OpenedToken[redacted]";
		}

	}

}
