package com.waplatform.gateway.messages;

import java.util.List;

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
 * Chooses the business number a message is sent from: the one named by {@code from} if it
 * belongs to the caller's organization, else the organization's default number (or its
 * only number). Reads the {@link AccountDirectory}, and the database while the directory
 * is still catching up (just after a start).
 */
@Component
class SenderNumbers {

	private final AccountDirectory directory;

	private final DatabaseClient db;

	SenderNumbers(AccountDirectory directory, DatabaseClient db) {
		this.directory = directory;
		this.db = db;
	}

	/** The phone-number id to send from, or a 422 problem naming {@code from}. */
	Mono<String> resolve(String organizationId, @Nullable String from) {
		if (from != null) {
			boolean known = this.directory.phoneNumber(from)
				.filter((number) -> number.organizationId().equals(organizationId))
				.isPresent();
			return known ? Mono.just(from) : stored(organizationId, from).switchIfEmpty(Mono.error(() -> invalid(
					"unknown business phone-number id for this organization (configure it in the admin API)")));
		}
		List<PhoneNumberConfigured> numbers = this.directory.all()
			.stream()
			.filter((number) -> number.organizationId().equals(organizationId))
			.toList();
		List<PhoneNumberConfigured> defaults = numbers.stream().filter(PhoneNumberConfigured::defaultNumber).toList();
		if (defaults.size() == 1) {
			return Mono.just(defaults.get(0).phoneNumberId());
		}
		if (defaults.isEmpty() && numbers.size() == 1) {
			return Mono.just(numbers.get(0).phoneNumberId());
		}
		return storedDefault(organizationId).switchIfEmpty(Mono.error(() -> invalid(
				"is required: the organization has no default business number (mark one with \"default\": true)")));
	}

	private Mono<String> stored(String organizationId, String phoneNumberId) {
		return this.db
			.sql("select phone_number_id from phone_numbers where organization_id = :org and phone_number_id = :id")
			.bind("org", organizationId)
			.bind("id", phoneNumberId)
			.map((row) -> row.get("phone_number_id", String.class))
			.one();
	}

	private Mono<String> storedDefault(String organizationId) {
		return this.db
			.sql("select phone_number_id, is_default from phone_numbers where organization_id = :org "
					+ "order by is_default desc, phone_number_id limit 2")
			.bind("org", organizationId)
			.map((row) -> new Candidate(row.get("phone_number_id", String.class),
					Boolean.TRUE.equals(row.get("is_default", Boolean.class))))
			.all()
			.collectList()
			.flatMap((candidates) -> {
				boolean single = candidates.size() == 1;
				boolean flagged = !candidates.isEmpty() && candidates.get(0).defaultNumber();
				return (single || flagged) ? Mono.just(candidates.get(0).phoneNumberId()) : Mono.empty();
			});
	}

	private static RuntimeException invalid(String message) {
		return Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldViolation("from", message)));
	}

	private record Candidate(String phoneNumberId, boolean defaultNumber) {
	}

}
