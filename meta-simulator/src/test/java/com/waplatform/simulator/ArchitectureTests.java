package com.waplatform.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.waplatform.simulator.fixtures.UsesThePlatformsTemplateModel;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.waplatform.simulator");

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
	void featurePackagesAreFreeOfCycles() {
		slices().matching("com.waplatform.simulator.(*)..").should().beFreeOfCycles().check(CLASSES);
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

	@Test
	void onlyStatusWebhooksSubscribesAndNothingBlocks() {
		noClasses().that()
			.doNotHaveSimpleName("StatusWebhooks")
			.should()
			.callMethodWhere(target(name("subscribe")))
			.check(CLASSES);
		noClasses().should().callMethodWhere(target(nameStartingWith("block"))).check(CLASSES);
	}

}
