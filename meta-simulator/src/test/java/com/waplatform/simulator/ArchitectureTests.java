package com.waplatform.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.waplatform.simulator.fixtures.UsesThePlatformsTemplateModel;
import com.waplatform.simulator.lifecycle.PipelineSubscription;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's conventions ({@link ArchitectureRules}) that apply to the simulator (it
 * has no Kafka and no {@code domain} packages), and its own rules.
 */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.simulator";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	/**
	 * The simulator checks template sends with its own implementation, never the
	 * platform's template model ({@code com.waplatform.common.template}): it stands in
	 * for Meta in the tests of that model, so a bug in ours must not be copied into it.
	 * Meta's DTOs ({@code com.waplatform.common.meta}) are shared on purpose.
	 */
	static final ArchRule KEEPS_ITS_OWN_TEMPLATE_RULES = noClasses().that()
		.resideInAPackage("com.waplatform.simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.waplatform.common.template..")
		.because("the simulator is the independent stand-in that tests the platform's template model");

	@Test
	void keepsItsOwnTemplateRules() {
		KEEPS_ITS_OWN_TEMPLATE_RULES.check(CLASSES);
	}

	/** The rule is not vacuous: it reports a simulator class that uses our model. */
	@Test
	void keepsItsOwnTemplateRulesReportsAViolation() {
		EvaluationResult result = KEEPS_ITS_OWN_TEMPLATE_RULES
			.evaluate(new ClassFileImporter().importClasses(UsesThePlatformsTemplateModel.class));

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails())
			.anySatisfy((detail) -> assertThat(detail).contains(UsesThePlatformsTemplateModel.class.getName())
				.contains("com.waplatform.common.template.DeclaredParameters"));
	}

	@Test
	void rulesTargetRealPackagesAndClasses() {
		assertThat(ArchitectureRules.APPLICATIONS).contains(BASE);
		assertThat(CLASSES.containPackage(BASE + ".webhooks")).isTrue();
		assertThat(CLASSES.get(PipelineSubscription.class).getMethodCallsFromSelf())
			.anyMatch(ArchitectureRules::subscribes);
	}

	@Test
	void featurePackagesAreFreeOfCycles() {
		ArchitectureRules.packagesAreFreeOfCycles(BASE).check(CLASSES);
	}

	@Test
	void dependsOnNoOtherApplication() {
		ArchitectureRules.dependsOnNoOtherApplication(BASE).check(CLASSES);
	}

	@Test
	void hasNoUtilPackages() {
		ArchitectureRules.noUtilPackagesOutsideDomain().check(CLASSES);
	}

	@Test
	void domainLogicIsPlainJava() {
		noClasses().that()
			.haveNameMatching(
					"com\\.waplatform\\.simulator\\.(messages\\.MessageValidator|templates\\.Template(SendCheck|Signature|Paging|Store|Catalog)"
							+ "|templates\\.Placeholders|ledger\\.(Ledger|RenderedMessage)|webhooks\\.WebhookPayloads"
							+ "|limits\\.(SlidingWindowCounter|PairTokenBucket)|faults\\.(Fault|FaultProfile|Durations)"
							+ "|stats\\.NumberStats|management\\.TemplateDefinition)(\\$.*)?")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "reactor..", "io.micrometer..")
			.check(CLASSES);
	}

	/**
	 * The simulator does not depend on service-support, so its own copy of the lifecycle
	 * helper is the one allowed to subscribe.
	 */
	@Test
	void subscribesOnlyThroughItsPipelineSubscription() {
		ArchitectureRules.subscribesOnlyIn(PipelineSubscription.class.getName()).check(CLASSES);
	}

	@Test
	void nothingBlocks() {
		noClasses().should().callMethodWhere(target(nameStartingWith("block"))).check(CLASSES);
	}

}
