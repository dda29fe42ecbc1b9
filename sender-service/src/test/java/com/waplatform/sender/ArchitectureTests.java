package com.waplatform.sender;

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
		.importPackages("com.waplatform.sender");

	@Test
	void rulesTargetPackagesThatExist() {
		for (String feature : new String[] { "domain", "meta", "send", "dispatch", "store", "deadletter",
				"templates" }) {
			assertThat(
					CLASSES.stream().filter((type) -> type.getPackageName().equals("com.waplatform.sender." + feature)))
				.as(feature)
				.isNotEmpty();
		}
	}

	@Test
	void noPackageCycles() {
		slices().matching("com.waplatform.sender.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void domainIsFrameworkFree() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.r2dbc..", "reactor..",
					"io.github.resilience4j..", "io.micrometer..")
			.check(CLASSES);
	}

	@Test
	void noDependencyOnOtherServices() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.waplatform.gateway..", "com.waplatform.template..", "com.waplatform.webhook..",
					"com.waplatform.workflow..", "com.waplatform.simulator..")
			.check(CLASSES);
	}

}
