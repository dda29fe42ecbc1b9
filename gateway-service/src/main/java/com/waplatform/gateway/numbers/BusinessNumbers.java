package com.waplatform.gateway.numbers;

import java.util.List;
import java.util.Optional;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.accounts.AccountDirectory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The caller organization's business numbers and their WhatsApp Business Accounts.
 * Chooses the number a message is sent from: the one named by {@code from} if it belongs
 * to the organization, else the organization's default number (or its only number). Reads
 * the {@link AccountDirectory}, and the database while the directory is still catching up
 * (just after a start).
 */
@Component
public class BusinessNumbers {

	private final AccountDirectory directory;

	private final DatabaseClient db;

	BusinessNumbers(AccountDirectory directory, DatabaseClient db) {
		this.directory = directory;
		this.db = db;
	}

	/** The number to send from, or a 422 problem naming {@code from}. */
	public Mono<Sender> resolve(String organizationId, @Nullable String from) {
		return resolve(organizationId, from, "from");
	}

	/**
	 * The number to send from, or a 422 problem naming {@code field} (the request field
	 * that carries {@code from}).
	 */
	public Mono<Sender> resolve(String organizationId, @Nullable String from, String field) {
		if (from != null) {
			Optional<Sender> known = this.directory.phoneNumber(from)
				.filter((number) -> number.organizationId().equals(organizationId))
				.map(BusinessNumbers::sender);
			return known.map(Mono::just)
				.orElseGet(() -> stored(organizationId, from).switchIfEmpty(Mono.error(() -> invalid(field,
						"unknown business phone-number id for this organization (configure it in the admin API)"))));
		}
		List<PhoneNumberConfigured> numbers = this.directory.all()
			.stream()
			.filter((number) -> number.organizationId().equals(organizationId))
			.toList();
		List<PhoneNumberConfigured> defaults = numbers.stream().filter(PhoneNumberConfigured::defaultNumber).toList();
		if (defaults.size() == 1) {
			return Mono.just(sender(defaults.get(0)));
		}
		if (defaults.isEmpty() && numbers.size() == 1) {
			return Mono.just(sender(numbers.get(0)));
		}
		return storedDefault(organizationId).switchIfEmpty(Mono.error(() -> invalid(field,
				"is required: the organization has no default business number (mark one with \"default\": true)")));
	}

	/** The organization's WhatsApp Business Accounts, sorted. */
	public Mono<List<String>> wabas(String organizationId) {
		return this.db.sql("select distinct waba_id from phone_numbers where organization_id = :org order by waba_id")
			.bind("org", organizationId)
			.map((row) -> row.get("waba_id", String.class))
			.all()
			.collectList();
	}

	private Mono<Sender> stored(String organizationId, String phoneNumberId) {
		return this.db.sql(
				"select phone_number_id, waba_id from phone_numbers where organization_id = :org and phone_number_id = :id")
			.bind("org", organizationId)
			.bind("id", phoneNumberId)
			.map((row) -> new Sender(row.get("phone_number_id", String.class), row.get("waba_id", String.class)))
			.one();
	}

	private Mono<Sender> storedDefault(String organizationId) {
		return this.db
			.sql("select phone_number_id, waba_id, is_default from phone_numbers where organization_id = :org "
					+ "order by is_default desc, phone_number_id limit 2")
			.bind("org", organizationId)
			.map((row) -> new Candidate(
					new Sender(row.get("phone_number_id", String.class), row.get("waba_id", String.class)),
					Boolean.TRUE.equals(row.get("is_default", Boolean.class))))
			.all()
			.collectList()
			.flatMap((candidates) -> {
				boolean single = candidates.size() == 1;
				boolean flagged = !candidates.isEmpty() && candidates.get(0).defaultNumber();
				return (single || flagged) ? Mono.just(candidates.get(0).sender()) : Mono.empty();
			});
	}

	private static Sender sender(PhoneNumberConfigured number) {
		return new Sender(number.phoneNumberId(), number.wabaId());
	}

	private static RuntimeException invalid(String field, String message) {
		return Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldViolation(field, message)));
	}

	/**
	 * A business number of the caller's organization.
	 *
	 * @param wabaId the WhatsApp Business Account whose templates it sends
	 */
	public record Sender(String phoneNumberId, String wabaId) {
	}

	private record Candidate(Sender sender, boolean defaultNumber) {
	}

}
