package com.waplatform.simulator.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import com.waplatform.simulator.WebhookReceiver;
import com.waplatform.simulator.WebhookReceiver.Received;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several statuses in one POST, as Meta batches them under load: one entry per WABA, one
 * change per phone number, one POST per endpoint and app secret.
 */
@SimulatorTest
@TestPropertySource(
		properties = { "simulator.webhooks.max-statuses-per-post=50", "simulator.webhooks.batch-window=300ms" })
class BatchedStatusWebhookTests {

	private static final String SECRET = "batch-secret";

	private static final String OTHER_SECRET = "other-batch-secret";

	private final WebTestClient client;

	private final AccountRegistry accounts;

	private WebhookReceiver receiver;

	BatchedStatusWebhookTests(@Autowired WebTestClient client, @Autowired AccountRegistry accounts) {
		this.client = client;
		this.accounts = accounts;
	}

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void statusesOfSeveralNumbersShareSignedPostsAndKeepEachMessagesOrder() {
		Account first = account(TestAccounts.WABA_ID, "300000000000771", SECRET);
		Account second = account(TestAccounts.OTHER_WABA_ID, "300000000000772", SECRET);
		Account otherApp = account(TestAccounts.WABA_ID, "300000000000773", OTHER_SECRET);
		Map<String, String> numberOfWamid = new HashMap<>();
		for (int i = 0; i < 4; i++) {
			for (Account account : List.of(first, second, otherApp)) {
				numberOfWamid.put(send(account), account.phoneNumberId());
			}
		}
		int statuses = numberOfWamid.size() * 3;
		await().atMost(Duration.ofSeconds(10)).until(() -> statusCount(this.receiver.received()) >= statuses);
		await().during(Duration.ofMillis(400))
			.atMost(Duration.ofSeconds(3))
			.until(() -> statusCount(this.receiver.received()) == statuses);
		List<Received> posts = this.receiver.received();

		assertThat(posts).hasSizeLessThan(statuses / 2);
		Map<String, List<String>> statusesOfWamid = new HashMap<>();
		boolean twoWabasInOnePost = false;
		for (Received post : posts) {
			boolean mine = WebhookSignature.verify(SECRET, post.body(), post.signature());
			boolean other = WebhookSignature.verify(OTHER_SECRET, post.body(), post.signature());
			assertThat(mine ^ other).as("signed with exactly one app secret").isTrue();
			JsonNode entries = Json.mapper().readTree(post.body()).get("entry");
			Set<String> wabas = new HashSet<>();
			for (JsonNode entry : entries) {
				assertThat(wabas.add(entry.get("id").asString())).as("one entry per WABA").isTrue();
				Set<String> numbers = new HashSet<>();
				for (JsonNode change : entry.get("changes")) {
					JsonNode value = change.get("value");
					String number = value.get("metadata").get("phone_number_id").asString();
					assertThat(numbers.add(number)).as("one change per number").isTrue();
					assertThat(number.equals(otherApp.phoneNumberId())).isEqualTo(other);
					for (JsonNode status : value.get("statuses")) {
						String wamid = status.get("id").asString();
						assertThat(numberOfWamid).containsEntry(wamid, number);
						statusesOfWamid.computeIfAbsent(wamid, (id) -> new ArrayList<>())
							.add(status.get("status").asString());
					}
				}
			}
			twoWabasInOnePost |= wabas.size() == 2;
		}
		assertThat(twoWabasInOnePost).isTrue();
		assertThat(statusesOfWamid).hasSize(numberOfWamid.size())
			.allSatisfy((wamid, sequence) -> assertThat(sequence).containsExactly("sent", "delivered", "read"));
	}

	private Account account(String wabaId, String phoneNumberId, String secret) {
		Account account = new Account(wabaId, phoneNumberId, "1555010" + phoneNumberId.substring(9),
				"batch-token-" + phoneNumberId, secret, this.receiver.url("/meta/webhooks"), null, false, null);
		this.accounts.put(account);
		return account;
	}

	private String send(Account account) {
		return StatusWebhookTests.send(this.client, account, """
				{"messaging_product":"whatsapp","to":"+16505551234","type":"text","text":{"body":"batched"}}""");
	}

	private static int statusCount(List<Received> posts) {
		int count = 0;
		for (Received post : posts) {
			for (JsonNode entry : Json.mapper().readTree(post.body()).get("entry")) {
				for (JsonNode change : entry.get("changes")) {
					count += change.get("value").get("statuses").size();
				}
			}
		}
		return count;
	}

}
