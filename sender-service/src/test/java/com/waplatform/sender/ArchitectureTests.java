package com.waplatform.sender;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's conventions ({@link ArchitectureRules}), checked on the sender. */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.sender";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	@Test
	void rulesTargetPackagesThatExist() {
		assertThat(ArchitectureRules.APPLICATIONS).contains(BASE);
		for (String feature : new String[] { "domain", "meta", "admission", "dispatch", "store", "deadletter",
				"templates" }) {
			assertThat(CLASSES.stream().filter((type) -> type.getPackageName().equals(BASE + "." + feature)))
				.as(feature)
				.isNotEmpty();
		}
	}

	@Test
	void packagesAreFreeOfCycles() {
		ArchitectureRules.packagesAreFreeOfCycles(BASE).check(CLASSES);
	}

	/** The sender's domain is also free of its resilience and metrics libraries. */
	@Test
	void domainIsFrameworkFree() {
		ArchitectureRules.domainIsFrameworkFree("io.github.resilience4j..", "io.micrometer..").check(CLASSES);
	}

	@Test
	void dependsOnNoOtherApplication() {
		ArchitectureRules.dependsOnNoOtherApplication(BASE).check(CLASSES);
	}

	@Test
	void listenersNameTopicsThroughTopics() {
		ArchitectureRules.listenersNameTopicsThroughTopics().check(CLASSES);
	}

	/** SendEngine and MicroBatcher subscribe through service-support's helper. */
	@Test
	void subscribesOnlyThroughPipelineSubscription() {
		ArchitectureRules.subscribesOnlyThroughPipelineSubscription().check(CLASSES);
	}

	@Test
	void hasNoUtilPackages() {
		ArchitectureRules.noUtilPackagesOutsideDomain().check(CLASSES);
	}

}
