package com.waplatform.webhook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.waplatform.webhook");

	@Test
	void rulesTargetRealPackages() {
		assertThat(classes.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("..domain..")))
			.extracting((javaClass) -> javaClass.getPackageName())
			.contains("com.waplatform.webhook.status.domain", "com.waplatform.webhook.inbound.domain",
					"com.waplatform.webhook.routing.domain", "com.waplatform.webhook.templates.domain");
	}

	@Test
	void noPackageCycles() {
		slices().matching("com.waplatform.webhook.(**)").should().beFreeOfCycles().check(classes);
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
	void noDependencyOnOtherServices() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.waplatform.gateway..", "com.waplatform.sender..", "com.waplatform.template..",
					"com.waplatform.workflow..", "com.waplatform.simulator..")
			.check(classes);
	}

}
