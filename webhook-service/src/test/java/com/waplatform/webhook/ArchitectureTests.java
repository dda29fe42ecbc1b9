package com.waplatform.webhook;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's conventions ({@link ArchitectureRules}), checked on the webhook service.
 */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.webhook";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	@Test
	void rulesTargetRealPackages() {
		assertThat(ArchitectureRules.APPLICATIONS).contains(BASE);
		assertThat(CLASSES.that(JavaClass.Predicates.resideInAPackage("..domain..")))
			.extracting(JavaClass::getPackageName)
			.contains(BASE + ".status.domain", BASE + ".inbound.domain", BASE + ".routing.domain",
					BASE + ".templates.domain", BASE + ".preferences.domain", BASE + ".health.domain");
	}

	@Test
	void packagesAreFreeOfCycles() {
		ArchitectureRules.packagesAreFreeOfCycles(BASE).check(CLASSES);
	}

	@Test
	void domainIsFrameworkFree() {
		ArchitectureRules.domainIsFrameworkFree().check(CLASSES);
	}

	@Test
	void dependsOnNoOtherApplication() {
		ArchitectureRules.dependsOnNoOtherApplication(BASE).check(CLASSES);
	}

	@Test
	void listenersNameTopicsThroughTopics() {
		ArchitectureRules.listenersNameTopicsThroughTopics().check(CLASSES);
	}

	@Test
	void subscribesOnlyThroughPipelineSubscription() {
		ArchitectureRules.subscribesOnlyThroughPipelineSubscription().check(CLASSES);
	}

	@Test
	void hasNoUtilPackages() {
		ArchitectureRules.noUtilPackagesOutsideDomain().check(CLASSES);
	}

}
