package com.waplatform.sender.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberOwnershipTests {

	@Test
	void aNumberTheDirectoryKnowsForTheOrganizationIsItsOwn() {
		assertThat(NumberOwnership.of("org-1", "org-1")).isEqualTo(NumberOwnership.OWN);
	}

	@Test
	void aNumberTheDirectoryDoesNotKnowIsUnknownNotRefused() {
		assertThat(NumberOwnership.of("org-1", null)).isEqualTo(NumberOwnership.UNKNOWN);
	}

	@Test
	void aNumberTheDirectoryKnowsForAnotherOrganizationIsForeign() {
		assertThat(NumberOwnership.of("org-1", "org-2")).isEqualTo(NumberOwnership.FOREIGN);
		// organization ids are compared exactly
		assertThat(NumberOwnership.of("org-1", "ORG-1")).isEqualTo(NumberOwnership.FOREIGN);
		assertThat(NumberOwnership.of("org-1", "org-1 ")).isEqualTo(NumberOwnership.FOREIGN);
	}

	@Test
	void deadLetterReasonsAreTaggedInSnakeCase() {
		assertThat(DeadLetterReason.FOREIGN_NUMBER.tag()).isEqualTo("foreign_number");
		assertThat(DeadLetterReason.UNKNOWN_NUMBER.tag()).isEqualTo("unknown_number");
		assertThat(DeadLetterReason.RETRIES_EXHAUSTED.tag()).isEqualTo("retries_exhausted");
		assertThat(DeadLetterReason.DEFERRALS_EXHAUSTED.tag()).isEqualTo("deferrals_exhausted");
	}

}
