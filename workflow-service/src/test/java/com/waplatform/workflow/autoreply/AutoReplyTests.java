package com.waplatform.workflow.autoreply;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.conversation.BusinessHours;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.ConversationSettings.AutoReplyRule;
import com.waplatform.common.conversation.ConversationSettings.OutOfHoursReply;
import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.UserPreference;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import com.waplatform.workflow.ConversationFixtures;
import com.waplatform.workflow.WorkflowApplication;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy;
import com.waplatform.workflow.scheduling.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Auto-replies on a real Kafka broker and PostgreSQL: customers' messages on
 * {@code wa.inbound-messages} as webhook-service publishes them, replies out on
 * {@code wa.send-requests}. The clock is fixed ({@link MutableClock}) inside or outside
 * the organization's business hours (Monday to Friday, 9:00 to 18:00 in Madrid). A test
 * that expects no reply waits for the metric of the skip, or for the reply to a later
 * message of the same customer (same partition, so handled after it).
 */
@SpringBootTest(classes = { WorkflowApplication.class, AutoReplyTests.Beans.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=workflow-service", "platform.internal-api.token=auto-reply-tests-token",
				"workflow.scheduler.poll-interval=1h" })
@DirtiesContext
class AutoReplyTests {

	/** Tuesday 8 March 2022, 10:00 in Madrid: open. */
	private static final Instant OPEN = Instant.parse("2022-03-08T09:00:00Z");

	/** Tuesday 8 March 2022, 22:00 in Madrid: closed (and 17:00 in New York). */
	private static final Instant CLOSED = Instant.parse("2022-03-08T21:00:00Z");

	private static final Duration TIMEOUT = ConversationFixtures.TIMEOUT;

	private static final String HOURS = "We are open Monday to Friday, 9:00 to 18:00 (Madrid time).";

	private static final String PRICES = "Our walking tours start at 25 EUR per person.";

	private static final String CLOSED_TEXT = "Thanks for writing! We are closed now and answer from 9:00.";

	private static final ConversationSettings CONVERSATIONS = new ConversationSettings(Map.of(), Map.of(), null,
			List.of(new AutoReplyRule("hours", HOURS, null), new AutoReplyRule("prices", PRICES, null),
					new AutoReplyRule("brochure", null, new TemplateChoice("welcome_message", "en", List.of("Ana")))),
			new OutOfHoursReply(new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
					LocalTime.of(18, 0)), CLOSED_TEXT, null));

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	TemplateDirectory templates;

	@Autowired
	DatabaseClient db;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MutableClock clock;

	@Autowired
	ConversationFixtures.Received received;

	private ConversationFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ConversationFixtures(this.publisher, this.accounts, this.templates, this.db);
	}

	@Test
	void aKeywordIsAnsweredWithItsReply() {
		this.clock.set(OPEN);
		String org = organization(true);
		String customer = customer();
		String wamid = inbound(org, customer, " Hours? ", OPEN, null);

		SendRequest reply = awaitReplies(org, 1).get(0);
		assertThat(reply.messageId()).isEqualTo(AutoReplyPolicy.messageId(org, wamid, "keyword:HOURS"));
		assertThat(reply.message().type()).isEqualTo("text");
		assertThat(reply.message().text().body()).isEqualTo(HOURS);
		assertThat(reply.message().to()).isEqualTo(customer);
		assertThat(reply.recipient()).isEqualTo(customer);
		assertThat(reply.phoneNumberId()).isEqualTo("pn-" + org);
		assertThat(reply.source()).isEqualTo("auto-reply");
		assertThat(reply.context()).isEqualTo(new SendRequest.BusinessContext("auto-reply", wamid));
		assertThat(reply.priority()).isEqualTo(Priority.TRANSACTIONAL);
		assertThat(reply.expiresAt()).isEqualTo(OPEN.plus(Duration.ofHours(24)));

		// a keyword rule may answer with a template, checked against the synced ones
		inbound(org, customer, "brochure", OPEN, null);
		MetaMessage.Template template = awaitReplies(org, 2).get(1).message().template();
		assertThat(template.name()).isEqualTo("welcome_message");
		assertThat(template.components()).singleElement()
			.satisfies((body) -> assertThat(body.parameters()).extracting(MetaMessage.Parameter::text)
				.containsExactly("Ana"));
	}

	@Test
	void outsideBusinessHoursInTheOrganizationsZoneTheOutOfHoursReplyAnswers() {
		this.clock.set(OPEN);
		String org = organization(true);
		String early = customer();
		String question = inbound(org, early, "Is the tour on tomorrow?", OPEN, null);
		inbound(org, early, "prices", OPEN, null);
		assertThat(awaitReplies(org, 1)).singleElement()
			.satisfies((reply) -> assertThat(reply.message().text().body()).isEqualTo(PRICES));
		assertThat(this.received.sent(AutoReplyPolicy.messageId(org, question, AutoReplyPolicy.OUT_OF_HOURS)))
			.isEmpty();

		this.clock.set(CLOSED);
		String late = customer();
		String wamid = inbound(org, late, "Is the tour on tomorrow?", CLOSED, null);
		SendRequest reply = awaitReplies(org, 2).get(1);
		assertThat(reply.messageId()).isEqualTo(AutoReplyPolicy.messageId(org, wamid, AutoReplyPolicy.OUT_OF_HOURS));
		assertThat(reply.recipient()).isEqualTo(late);
		assertThat(reply.message().text().body()).isEqualTo(CLOSED_TEXT);
	}

	@Test
	void aRuleAnswersACustomerOncePerWindow() {
		this.clock.set(CLOSED);
		String org = organization(true);
		String customer = customer();
		inbound(org, customer, "Hello?", CLOSED, null);
		awaitReplies(org, 1);
		double already = count("out_of_hours", "skipped_already_replied");

		this.clock.set(CLOSED.plus(Duration.ofHours(1)));
		inbound(org, customer, "Anyone there?", this.clock.instant(), null);
		await().atMost(TIMEOUT).until(() -> count("out_of_hours", "skipped_already_replied") - already == 1);
		assertThat(replies(org)).hasSize(1);

		// a day later (Wednesday, 22:00 in Madrid: closed again) the rule answers again
		this.clock.set(CLOSED.plus(Duration.ofHours(24)).plusSeconds(60));
		String wamid = inbound(org, customer, "Hello again", this.clock.instant(), null);
		assertThat(awaitReplies(org, 2).get(1).messageId())
			.isEqualTo(AutoReplyPolicy.messageId(org, wamid, AutoReplyPolicy.OUT_OF_HOURS));
	}

	@Test
	void neitherSuppressedCustomersNorStopMessagesNorOldMessagesAreAnswered() {
		this.clock.set(CLOSED);
		String org = organization(true);
		String suppressed = customer();
		this.fixtures.suppress(org, suppressed, true);
		double skippedSuppressed = count("out_of_hours", "skipped_suppressed");
		double skippedStop = count("out_of_hours", "skipped_opt_keyword");
		double skippedStale = count("keyword", "skipped_stale");

		inbound(org, suppressed, "Is the tour on?", CLOSED, null);
		await().atMost(TIMEOUT).until(() -> count("out_of_hours", "skipped_suppressed") - skippedSuppressed == 1);
		inbound(org, customer(), "Stop!", CLOSED, null);
		await().atMost(TIMEOUT).until(() -> count("out_of_hours", "skipped_opt_keyword") - skippedStop == 1);
		// a message from the day before, delivered (or replayed) only now
		inbound(org, customer(), "hours", CLOSED.minus(Duration.ofHours(25)), null);
		await().atMost(TIMEOUT).until(() -> count("keyword", "skipped_stale") - skippedStale == 1);
		// Meta's user_preferences on the same topic are not answered
		this.fixtures.publish(Topics.INBOUND_MESSAGES, UserPreference.of(org, "pn-" + org, suppressed, null,
				UserPreference.MARKETING, "stop", "User requested to stop marketing messages", CLOSED));

		String marker = customer();
		inbound(org, marker, "prices", CLOSED, null);
		assertThat(awaitReplies(org, 1)).singleElement()
			.satisfies((reply) -> assertThat(reply.recipient()).isEqualTo(marker));
	}

	@Test
	void aReplyToAnAutoReplyIsNeverAnswered() {
		this.clock.set(OPEN);
		String org = organization(true);
		String customer = customer();
		inbound(org, customer, "hours", OPEN, null);
		SendRequest ours = awaitReplies(org, 1).get(0);
		// the sender's accepted status names Meta's id of our reply
		String ourWamid = "wamid.auto-" + UUID.randomUUID();
		this.fixtures.publish(Topics.STATUS_EVENTS, StatusEvent.of(org, ours.messageId(), MessageStatus.ACCEPTED, OPEN,
				"pn-" + org, customer, ourWamid, null));
		await().atMost(TIMEOUT).until(() -> ourWamid.equals(wamidOf(ours.messageId())));
		double loops = count("keyword", "skipped_loop");

		// the customer (or their own auto-responder) quotes our auto-reply
		inbound(org, customer, "prices", OPEN, ourWamid);
		await().atMost(TIMEOUT).until(() -> count("keyword", "skipped_loop") - loops == 1);
		assertThat(replies(org)).hasSize(1);

		// quoting any other message of the business is answered as usual
		inbound(org, customer, "prices", OPEN, "wamid.booking-confirmation");
		assertThat(awaitReplies(org, 2).get(1).message().text().body()).isEqualTo(PRICES);
		assertThat(count("keyword", "skipped_loop") - loops).isEqualTo(1);
	}

	@Test
	void aRedeliveredMessageIsAnsweredOnce() {
		this.clock.set(OPEN);
		String org = organization(true);
		String customer = customer();
		InboundMessage message = InboundMessage.text(org, "pn-" + org, customer, "Ana", "wamid." + UUID.randomUUID(),
				OPEN, "hours", null);
		this.fixtures.publish(Topics.INBOUND_MESSAGES, message);
		this.fixtures.publish(Topics.INBOUND_MESSAGES, message);
		inbound(org, customer, "prices", OPEN, null);

		List<SendRequest> replies = awaitReplies(org, 2);
		assertThat(replies).extracting(SendRequest::messageId)
			.containsExactlyInAnyOrder(AutoReplyPolicy.messageId(org, message.wamid(), "keyword:HOURS"),
					AutoReplyPolicy.messageId(org, replies.get(1).context().id(), "keyword:PRICES"));
	}

	@Test
	void noAutoRepliesWhileAutomationIsSwitchedOff() {
		this.clock.set(CLOSED);
		String org = organization(false);
		double off = count("keyword", "skipped_automation_off");
		inbound(org, customer(), "hours", CLOSED, null);
		await().atMost(TIMEOUT).until(() -> count("keyword", "skipped_automation_off") - off == 1);
		assertThat(replies(org)).isEmpty();
	}

	private String organization(boolean automation) {
		String org = "org-reply-" + UUID.randomUUID().toString().substring(0, 8);
		this.fixtures.organization(org, "pn-" + org, ConversationFixtures.settings(org, automation, CONVERSATIONS));
		return org;
	}

	private static String customer() {
		return "+3461" + (1_000_000 + (int) (Math.random() * 8_999_999));
	}

	/** A text message from the customer, as webhook-service publishes it; its wamid. */
	private String inbound(String org, String customer, String body, Instant sentAt, String repliedTo) {
		String wamid = "wamid." + UUID.randomUUID();
		this.fixtures.publish(Topics.INBOUND_MESSAGES,
				InboundMessage.text(org, "pn-" + org, customer, "Ana", wamid, sentAt, body, repliedTo));
		return wamid;
	}

	private List<SendRequest> replies(String org) {
		return this.received.sentFor(org).stream().filter((request) -> "auto-reply".equals(request.source())).toList();
	}

	private List<SendRequest> awaitReplies(String org, int count) {
		await().atMost(TIMEOUT).until(() -> replies(org).size() >= count);
		List<SendRequest> replies = replies(org);
		assertThat(replies).hasSize(count);
		return replies;
	}

	private double count(String rule, String outcome) {
		return this.meters.counter(AutoReplies.METRIC, "rule", rule, "outcome", outcome).count();
	}

	private String wamidOf(String messageId) {
		return this.db.sql("select wamid from auto_replies where message_id = :id")
			.bind("id", messageId)
			.map((row) -> row.get("wamid", String.class))
			.one()
			.blockOptional(TIMEOUT)
			.orElse(null);
	}

	@TestConfiguration
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(OPEN);
		}

		@Bean
		ConversationFixtures.Received received() {
			return new ConversationFixtures.Received();
		}

	}

}
