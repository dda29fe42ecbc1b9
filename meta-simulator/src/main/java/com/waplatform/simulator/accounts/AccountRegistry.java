package com.waplatform.simulator.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.graph.GraphErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The accounts the simulator answers for, keyed by phone-number id, and the bearer-token
 * check of Graph calls.
 */
@Component
public class AccountRegistry {

	private final Map<String, Account> byPhoneNumberId = new ConcurrentHashMap<>();

	public AccountRegistry(SimulatorProperties properties) {
		properties.accounts().forEach(this::put);
	}

	/** Adds the account, or replaces the one with the same phone-number id. */
	public void put(Account account) {
		this.byPhoneNumberId.put(account.phoneNumberId(), account);
	}

	public List<Account> all() {
		return this.byPhoneNumberId.values().stream().sorted(Comparator.comparing(Account::phoneNumberId)).toList();
	}

	public Optional<Account> byPhoneNumberId(String phoneNumberId) {
		return Optional.ofNullable(this.byPhoneNumberId.get(phoneNumberId));
	}

	public List<Account> byWabaId(String wabaId) {
		return all().stream().filter((account) -> account.wabaId().equals(wabaId)).toList();
	}

	public boolean hasWaba(String wabaId) {
		return this.byPhoneNumberId.values().stream().anyMatch((account) -> account.wabaId().equals(wabaId));
	}

	/**
	 * The account of {@code phoneNumberId} if {@code token} is its access token; else
	 * Meta's 190 (no or wrong token) or 100/33 (unknown id).
	 */
	public Account authorizePhoneNumber(String phoneNumberId, @Nullable String token, String httpMethod) {
		if (token == null) {
			throw GraphErrors.missingToken();
		}
		Account account = byPhoneNumberId(phoneNumberId)
			.orElseThrow(() -> GraphErrors.objectNotFound(httpMethod, phoneNumberId));
		if (!account.accessToken().equals(token)) {
			throw GraphErrors.invalidToken();
		}
		return account;
	}

	/** Like {@link #authorizePhoneNumber} for a WABA: any of its accounts' tokens. */
	public void authorizeWaba(String wabaId, @Nullable String token, String httpMethod) {
		if (token == null) {
			throw GraphErrors.missingToken();
		}
		List<Account> accounts = byWabaId(wabaId);
		if (accounts.isEmpty()) {
			throw GraphErrors.objectNotFound(httpMethod, wabaId);
		}
		if (accounts.stream().noneMatch((account) -> account.accessToken().equals(token))) {
			throw GraphErrors.invalidToken();
		}
	}

	/**
	 * The token of a Graph call: {@code Authorization: Bearer ...} or the
	 * {@code access_token} query parameter, as Meta accepts both.
	 */
	public static @Nullable String token(@Nullable String authorization, @Nullable String accessTokenParameter) {
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).strip();
			return token.isEmpty() ? null : token;
		}
		return (accessTokenParameter != null && !accessTokenParameter.isBlank()) ? accessTokenParameter : null;
	}

}
