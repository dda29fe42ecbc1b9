package com.waplatform.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.waplatform.simulator");

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
