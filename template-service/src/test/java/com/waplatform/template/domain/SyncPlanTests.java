package com.waplatform.template.domain;

import java.util.List;

import com.waplatform.common.meta.MessageTemplate;
import org.junit.jupiter.api.Test;

import static com.waplatform.common.template.TemplateFixtures.approved;
import static com.waplatform.common.template.TemplateFixtures.withStatus;
import static com.waplatform.template.domain.StoredTemplateFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

class SyncPlanTests {

	private static final MessageTemplate WELCOME = approved("welcome", "en_US");

	private static final MessageTemplate WELCOME_PT = approved("welcome", "pt_BR");

	private static final MessageTemplate REMINDER = approved("reminder", "en_US");

	@Test
	void everyTemplateOfTheFirstListIsAdded() {
		SyncPlan plan = SyncPlan.between("org-1", List.of(WELCOME, WELCOME_PT, REMINDER), List.of());

		assertThat(plan.added()).extracting(VersionedTemplate::template).containsExactly(WELCOME, WELCOME_PT, REMINDER);
		assertThat(plan.added()).extracting(VersionedTemplate::version)
			.containsExactly(TemplateVersion.of(WELCOME), TemplateVersion.of(WELCOME_PT), TemplateVersion.of(REMINDER));
		assertThat(plan.report("waba-1", 1, 3)).isEqualTo(new SyncReport("waba-1", 1, 3, 3, 0, 0, 0));
	}

	@Test
	void theSameListChangesNothing() {
		SyncPlan plan = SyncPlan.between("org-1", List.of(WELCOME, REMINDER),
				List.of(stored("org-1", WELCOME), stored("org-1", REMINDER)));

		assertThat(plan.writes()).isEmpty();
		assertThat(plan.report("waba-1", 2, 2)).isEqualTo(new SyncReport("waba-1", 2, 2, 0, 0, 0, 2));
	}

	@Test
	void aNewVersionIsAChange() {
		MessageTemplate paused = withStatus(WELCOME, "PAUSED");

		SyncPlan plan = SyncPlan.between("org-1", List.of(paused, REMINDER),
				List.of(stored("org-1", WELCOME), stored("org-1", REMINDER)));

		assertThat(plan.changed()).containsExactly(VersionedTemplate.of(paused));
		assertThat(plan.unchanged()).containsExactly(VersionedTemplate.of(REMINDER));
		assertThat(plan.writes()).containsExactly(VersionedTemplate.of(paused));
	}

	@Test
	void languagesAreDistinctTemplates() {
		SyncPlan plan = SyncPlan.between("org-1", List.of(WELCOME, WELCOME_PT), List.of(stored("org-1", WELCOME)));

		assertThat(plan.added()).extracting(VersionedTemplate::key)
			.containsExactly(new TemplateKey("welcome", "pt_BR"));
		assertThat(plan.unchanged()).hasSize(1);
	}

	@Test
	void aTemplateMissingFromTheListIsRemovedAsDeleted() {
		SyncPlan plan = SyncPlan.between("org-1", List.of(REMINDER),
				List.of(stored("org-1", WELCOME), stored("org-1", REMINDER)));

		MessageTemplate deleted = withStatus(WELCOME, "DELETED");
		assertThat(plan.removed()).containsExactly(new VersionedTemplate(deleted, TemplateVersion.of(deleted)));
		assertThat(plan.removed().get(0).version()).isNotEqualTo(TemplateVersion.of(WELCOME));
		assertThat(plan.report("waba-1", 1, 1)).isEqualTo(new SyncReport("waba-1", 1, 1, 0, 0, 1, 1));
	}

	@Test
	void aDeletedTemplateIsRemovedOnlyOnce() {
		SyncPlan plan = SyncPlan.between("org-1", List.of(REMINDER),
				List.of(stored("org-1", withStatus(WELCOME, "DELETED")), stored("org-1", REMINDER)));

		assertThat(plan.writes()).isEmpty();
	}

	@Test
	void aTemplateMetaListsAsDeletedIsAChangeNotAnAddition() {
		MessageTemplate deleted = withStatus(WELCOME, "DELETED");

		SyncPlan plan = SyncPlan.between("org-1", List.of(deleted), List.of(stored("org-1", WELCOME)));

		assertThat(plan.changed()).containsExactly(VersionedTemplate.of(deleted));
		assertThat(SyncPlan.between("org-1", List.of(deleted), List.of(stored("org-1", deleted))).writes()).isEmpty();
	}

	@Test
	void aDeletedTemplateListedAgainIsAdded() {
		SyncPlan plan = SyncPlan.between("org-1", List.of(WELCOME),
				List.of(stored("org-1", withStatus(WELCOME, "DELETED"))));

		assertThat(plan.added()).containsExactly(VersionedTemplate.of(WELCOME));
	}

	@Test
	void anAccountThatChangedOrganizationIsRewritten() {
		SyncPlan plan = SyncPlan.between("org-2", List.of(WELCOME), List.of(stored("org-1", WELCOME)));

		assertThat(plan.changed()).containsExactly(VersionedTemplate.of(WELCOME));
	}

	@Test
	void aRepeatedNameAndLanguageKeepsTheFirst() {
		SyncPlan plan = SyncPlan.between("org-1", List.of(WELCOME, withStatus(WELCOME, "PAUSED")), List.of());

		assertThat(plan.added()).containsExactly(VersionedTemplate.of(WELCOME));
		assertThat(plan.report("waba-1", 1, 2).seen()).isEqualTo(2);
	}

	@Test
	void writesComeInTheOrderAddedChangedRemoved() {
		MessageTemplate paused = withStatus(REMINDER, "PAUSED");
		SyncPlan plan = SyncPlan.between("org-1", List.of(paused, WELCOME_PT),
				List.of(stored("org-1", WELCOME), stored("org-1", REMINDER)));

		assertThat(plan.writes()).extracting((write) -> write.template().status())
			.containsExactly("APPROVED", "PAUSED", "DELETED");
		assertThat(plan.writes()).extracting(VersionedTemplate::key)
			.containsExactly(new TemplateKey("welcome", "pt_BR"), new TemplateKey("reminder", "en_US"),
					new TemplateKey("welcome", "en_US"));
	}

	@Test
	void templatesAWebhookChangedAfterTheListWasReadAreKept() {
		MessageTemplate paused = withStatus(WELCOME, "PAUSED");
		SyncPlan plan = SyncPlan.between("org-1", List.of(WELCOME, REMINDER),
				List.of(stored("org-1", paused), stored("org-1", REMINDER), stored("org-1", WELCOME_PT)),
				java.util.Set.of(new TemplateKey("welcome", "en_US"), new TemplateKey("welcome", "pt_BR")));

		assertThat(plan.writes()).isEmpty();
		assertThat(plan.unchanged()).extracting(VersionedTemplate::template).containsExactly(paused, REMINDER);
	}

}
