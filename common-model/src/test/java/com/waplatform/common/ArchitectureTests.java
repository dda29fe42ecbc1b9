package com.waplatform.common;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.waplatform.common.event.EventTypes;
import com.waplatform.common.kafka.Topics;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** common-model is pure Java that every service can depend on. */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.common";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	@Test
	void importsTheWholeModule() {
		assertThat(CLASSES.stream().map((c) -> c.getPackageName()).distinct()).contains(BASE + ".event", BASE + ".meta",
				BASE + ".template", BASE + ".phone", BASE + ".crypto", BASE + ".kafka");
		assertThat(ArchitectureRules.TOPICS).isEqualTo(Topics.class.getName());
	}

	@Test
	void dependsOnNoFramework() {
		noClasses().that()
			.resideInAPackage(BASE + "..")
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
		ArchitectureRules.packagesAreFreeOfCycles(BASE)
			.ignoreDependency(equivalentTo(EventTypes.class), alwaysTrue())
			.check(CLASSES);
	}

	@Test
	void dependsOnNoApplication() {
		ArchitectureRules.dependsOnNoApplication().check(CLASSES);
	}

	@Test
	void hasNoUtilPackages() {
		ArchitectureRules.noUtilPackagesOutsideDomain().check(CLASSES);
	}

}
