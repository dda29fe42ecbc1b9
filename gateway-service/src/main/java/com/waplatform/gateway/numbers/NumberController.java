package com.waplatform.gateway.numbers;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.account.SendingState;
import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.numbers.NumberViews.Fact;
import com.waplatform.gateway.numbers.NumberViews.Health;
import com.waplatform.gateway.numbers.NumberViews.Number;
import com.waplatform.gateway.numbers.NumberViews.Numbers;
import com.waplatform.gateway.numbers.NumberViews.Sending;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.accounts.AccountDirectory;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/numbers}: the caller organization's business numbers (from
 * {@code phone_numbers}, one query), each with the health Meta reported in its account
 * webhooks and the sender's sending state (both from the {@link AccountDirectory}, the
 * view of {@code wa.accounts}). Facts of another organization are never shown, whatever
 * number they name.
 */
@RestController
class NumberController {

	private final DatabaseClient db;

	private final AccountDirectory directory;

	NumberController(DatabaseClient db, AccountDirectory directory) {
		this.db = db;
		this.directory = directory;
	}

	@GetMapping(Routes.NUMBERS)
	Mono<Numbers> numbers(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId) {
		return this.db.sql("""
				select phone_number_id, waba_id, display_phone_number, throughput_per_second, is_default
				from phone_numbers where organization_id = :org
				order by is_default desc, phone_number_id""")
			.bind("org", organizationId)
			.map((row) -> number(organizationId, row))
			.all()
			.collectList()
			.map(Numbers::new);
	}

	private Number number(String organizationId, Readable row) {
		String phoneNumberId = row.get("phone_number_id", String.class);
		String wabaId = row.get("waba_id", String.class);
		String display = row.get("display_phone_number", String.class);
		Integer throughput = row.get("throughput_per_second", Integer.class);
		boolean isDefault = Boolean.TRUE.equals(row.get("is_default", Boolean.class));
		// the directory may not have caught up with the number yet: health is found by
		// WABA and display number alone
		PhoneNumberConfigured configured = new PhoneNumberConfigured(UUID.randomUUID(), Instant.EPOCH, organizationId,
				phoneNumberId, wabaId, display, "", (throughput != null) ? throughput : 0, isDefault);
		Collection<NumberHealth> facts = this.directory.health(configured)
			.stream()
			.filter((fact) -> fact.organizationId().equals(organizationId))
			.toList();
		Health health = new Health(fact(facts, NumberHealth.QUALITY), fact(facts, NumberHealth.MESSAGING_LIMIT),
				fact(facts, NumberHealth.THROUGHPUT), fact(facts, NumberHealth.NAME_STATUS),
				fact(facts, NumberHealth.ACCOUNT_STATUS), fact(facts, NumberHealth.DAILY_CONVERSATIONS));
		Optional<SendingState> state = this.directory.sendingState(phoneNumberId)
			.filter((sending) -> sending.organizationId().equals(organizationId));
		return new Number(phoneNumberId, wabaId, display, isDefault, configured.throughputPerSecond(), health,
				state.map(NumberController::sending).orElse(null));
	}

	/**
	 * The latest fact of an aspect: the number's own, or its account's (Meta reports some
	 * aspects for the whole WABA).
	 */
	static @Nullable Fact fact(Collection<NumberHealth> facts, String aspect) {
		return facts.stream()
			.filter((fact) -> fact.aspect().equals(aspect))
			.max(Comparator.comparing(NumberHealth::occurredAt))
			.map((fact) -> new Fact(fact.value(), fact.detail(), fact.occurredAt()))
			.orElse(null);
	}

	private static Sending sending(SendingState state) {
		return new Sending(state.allowedPerSecond(), state.limitPerSecond(), state.pausedReason(), state.inFlight(),
				state.retrying(), state.occurredAt());
	}

}
