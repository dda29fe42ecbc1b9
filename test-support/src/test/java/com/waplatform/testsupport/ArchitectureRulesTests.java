package com.waplatform.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.waplatform.testsupport.fixtures.cycle.a.Ping;
import com.waplatform.testsupport.fixtures.cycle.b.Pong;
import com.waplatform.testsupport.fixtures.listeners.FixtureTopics;
import com.waplatform.testsupport.fixtures.listeners.Listeners;
import com.waplatform.testsupport.fixtures.orders.UsesAnotherApplication;
import com.waplatform.testsupport.fixtures.orders.domain.PlainRules;
import com.waplatform.testsupport.fixtures.orders.domain.UsesFrameworks;
import com.waplatform.testsupport.fixtures.orders.domain.util.Durations;
import com.waplatform.testsupport.fixtures.orders.util.OrderStrings;
import com.waplatform.testsupport.fixtures.subscribing.PipelineHelper;
import com.waplatform.testsupport.fixtures.subscribing.SubscribesInABean;
import com.waplatform.testsupport.fixtures.subscribing.SubscribesOnAScheduler;
import com.waplatform.workflow.fixtures.WorkflowInternals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every rule of {@link ArchitectureRules} reports the deliberate violations of the
 * fixture classes (test sources only) and passes their conforming counterparts.
 */
class ArchitectureRulesTests {

	private static final String FIXTURES = "com.waplatform.testsupport.fixtures";

	@Test
	void packageCyclesAreReported() {
		ArchRule rule = ArchitectureRules.packagesAreFreeOfCycles(FIXTURES + ".cycle");

		assertThat(violations(rule, Ping.class, Pong.class)).contains("Cycle detected")
			.contains(Ping.class.getName())
			.contains(Pong.class.getName());
		assertThat(violations(rule, Pong.class, FixtureTopics.class)).isEmpty();
	}

	@Test
	void frameworksInDomainAreReported() {
		ArchRule rule = ArchitectureRules.domainIsFrameworkFree();

		assertThat(violations(rule, UsesFrameworks.class)).contains(UsesFrameworks.class.getName())
			.contains("org.springframework.util.StringUtils")
			.contains("org.apache.kafka.clients.producer.ProducerRecord")
			.contains("io.r2dbc.spi.Row")
			.contains("reactor.core.publisher.Mono");
		assertThat(violations(rule, PlainRules.class, Durations.class)).isEmpty();
	}

	@Test
	void moreForbiddenPackagesCanBeAdded() {
		assertThat(violations(ArchitectureRules.domainIsFrameworkFree("java.time.."), PlainRules.class))
			.contains("java.time.Duration");
	}

	@Test
	void anotherApplicationsPackagesAreReported() {
		assertThat(violations(ArchitectureRules.dependsOnNoOtherApplication("com.waplatform.gateway"),
				UsesAnotherApplication.class))
			.contains(UsesAnotherApplication.class.getName())
			.contains(WorkflowInternals.class.getName());
		assertThat(violations(ArchitectureRules.dependsOnNoApplication(), UsesAnotherApplication.class))
			.contains(WorkflowInternals.class.getName());
		assertThat(violations(ArchitectureRules.dependsOnNoOtherApplication("com.waplatform.workflow"),
				UsesAnotherApplication.class, WorkflowInternals.class))
			.isEmpty();
	}

	@Test
	void onlyApplicationsHaveOtherApplications() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ArchitectureRules.dependsOnNoOtherApplication("com.waplatform.support"));
	}

	@Test
	void topicsNamedWithoutTheRegistryAreReported() {
		ArchRule rule = ArchitectureRules.listenersNameTopicsThrough(FixtureTopics.class.getName());

		assertThat(violations(rule, Listeners.Literal.class)).contains("names topic \"fixture.orders\" without");
		// a string constant is inlined by javac: it reads as the literal it stands for
		assertThat(violations(rule, Listeners.InlinedConstant.class))
			.contains("names topic \"fixture.payments\" without");
		assertThat(violations(rule, Listeners.UnknownConstant.class)).contains("names REFUNDS, not a topic of");
		assertThat(violations(rule, Listeners.NotATopic.class)).contains("names NOT_A_TOPIC, not a topic of");
		assertThat(violations(rule, Listeners.Pattern.class)).contains("uses a topicPattern");
		assertThat(violations(rule, Listeners.Partitions.class)).contains("uses topicPartitions");
		assertThat(violations(rule, Listeners.ThroughTheRegistry.class)).isEmpty();
	}

	@Test
	void theTopicsRuleNamesCommonModelsRegistry() {
		ArchRule rule = ArchitectureRules.listenersNameTopicsThroughTopics();

		assertThat(rule.getDescription()).contains("#{T(com.waplatform.common.kafka.Topics).<TOPIC>.name()}");
		assertThat(violations(rule, Listeners.ThroughTheRegistry.class)).contains("without Topics");
	}

	@Test
	void subscriptionsOutsideTheLifecycleHelperAreReported() {
		ArchRule rule = ArchitectureRules.subscribesOnlyIn(PipelineHelper.class.getName());

		assertThat(violations(rule, SubscribesInABean.class, PipelineHelper.class))
			.contains(SubscribesInABean.class.getName() + ".fireAndForget")
			.contains("Mono.subscribe()")
			.contains(SubscribesInABean.class.getName() + ".drain")
			.contains("Flux.subscribeWith(")
			.doesNotContain(PipelineHelper.class.getName() + ".start");
		assertThat(violations(rule, PipelineHelper.class, SubscribesOnAScheduler.class)).isEmpty();
		assertThat(violations(ArchitectureRules.subscribesOnlyThroughPipelineSubscription(), PipelineHelper.class))
			.contains(PipelineHelper.class.getName() + ".start");
	}

	@Test
	void utilPackagesOutsideDomainAreReported() {
		ArchRule rule = ArchitectureRules.noUtilPackagesOutsideDomain();

		assertThat(violations(rule, OrderStrings.class)).contains(OrderStrings.class.getName());
		assertThat(violations(rule, Durations.class, UsesAnotherApplication.class)).isEmpty();
	}

	@Test
	void aRuleWithNothingToCheckFails() {
		JavaClasses noListenersNoDomain = new ClassFileImporter().importClasses(OrderStrings.class);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ArchitectureRules.listenersNameTopicsThroughTopics().evaluate(noListenersNoDomain))
			.withMessageContaining("failed to check any classes");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ArchitectureRules.domainIsFrameworkFree().evaluate(noListenersNoDomain))
			.withMessageContaining("failed to check any classes");
	}

	/** The failure report of a rule over the given classes, empty if it passes. */
	private static String violations(ArchRule rule, Class<?>... classes) {
		EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
		return result.hasViolation() ? String.join("\n", result.getFailureReport().getDetails()) : "";
	}

}
