package com.waplatform.simulator;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Fresh business numbers for tests that need their own limits, counters or faults (in the
 * WABA of {@link TestAccounts#WABA_ID}, so the seeded templates are there).
 */
public final class TestNumbers {

	private static final AtomicInteger NEXT = new AtomicInteger(5000);

	private TestNumbers() {
	}

	public static Account add(AccountRegistry accounts, @Nullable URI webhookUrl, @Nullable Integer throughput,
			@Nullable Boolean enforceServiceWindow, @Nullable Integer pairBurst) {
		String phoneNumberId = "30000000000" + NEXT.incrementAndGet();
		Account account = new Account(TestAccounts.WABA_ID, phoneNumberId, "1555" + phoneNumberId.substring(8),
				"token-" + phoneNumberId, "secret-" + phoneNumberId, webhookUrl, throughput, enforceServiceWindow,
				pairBurst);
		accounts.put(account);
		return account;
	}

	/**
	 * A number without the window rule, with a large pair burst and the given throughput.
	 */
	public static Account unlimited(AccountRegistry accounts, @Nullable URI webhookUrl) {
		return add(accounts, webhookUrl, 1000, false, 1_000_000);
	}

}
