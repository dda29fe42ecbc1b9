package com.waplatform.common;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.waplatform.common.event.EventTypes;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** common-model is pure Java that every service can depend on. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.waplatform.common");

	@Test
	void importsTheWholeModule() {
		assertThat(CLASSES.stream().map((c) -> c.getPackageName()).distinct()).contains("com.waplatform.common.event",
				"com.waplatform.common.meta", "com.waplatform.common.template", "com.waplatform.common.phone",
				"com.waplatform.common.crypto");
	}

	@Test
	void dependsOnNoFramework() {
		noClasses().that()
			.resideInAPackage("com.waplatform.common..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.r2dbc..", "reactor..")
			.check(CLASSES);
	}

	/**
	 * {@link EventTypes} is, by design, the one registry that names every event record,
	 * so its edges to the event packages are not counted (the records depend on
	 * {@code event.Event}); any other cycle fails.
	 */
	@Test
	void hasNoPackageCycles() {
		slices().matching("com.waplatform.common.(*)..")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(equivalentTo(EventTypes.class), alwaysTrue())
			.check(CLASSES);
	}

}
