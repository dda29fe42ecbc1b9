package com.waplatform.template;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.waplatform.template");
	}

	@Test
	void everyRuleTargetsRealPackages() {
		assertThat(classes.that(com.tngtech.archunit.base.DescribedPredicate.describe("in domain",
				(javaClass) -> javaClass.getPackageName().contains(".domain"))))
			.isNotEmpty();
		for (String feature : new String[] { "domain", "meta", "store", "sync", "web", "updates", "creation" }) {
			assertThat(classes.containPackage("com.waplatform.template." + feature)).as(feature).isTrue();
		}
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("com.waplatform.template.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void domainIsFrameworkFree() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.r2dbc..", "reactor..")
			.check(classes);
	}

	@Test
	void dependsOnNoOtherService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.waplatform.gateway..", "com.waplatform.sender..", "com.waplatform.webhook..",
					"com.waplatform.workflow..", "com.waplatform.simulator..")
			.check(classes);
	}

}
