package com.waplatform.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.waplatform.gateway");

	@Test
	void rulesTargetRealPackages() {
		assertThat(CLASSES.that(DescribedPredicate.describe("in a domain package",
				(javaClass) -> javaClass.getPackageName().contains(".domain"))))
			.isNotEmpty();
		assertThat(CLASSES.containPackage("com.waplatform.gateway.messages.domain")).isTrue();
		assertThat(CLASSES.containPackage("com.waplatform.gateway.templates.domain")).isTrue();
		assertThat(CLASSES.containPackage("com.waplatform.gateway.webhooks")).isTrue();
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("com.waplatform.gateway.(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void domainIsFrameworkFree() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.r2dbc..", "reactor..")
			.check(CLASSES);
	}

	@Test
	void noDependencyOnOtherServices() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.waplatform.sender..", "com.waplatform.template..", "com.waplatform.webhook..",
					"com.waplatform.workflow..", "com.waplatform.simulator..")
			.check(CLASSES);
	}

}
