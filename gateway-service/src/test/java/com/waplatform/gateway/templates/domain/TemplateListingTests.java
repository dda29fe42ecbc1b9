package com.waplatform.gateway.templates.domain;

import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.template.TemplateFixtures;
import com.waplatform.common.template.TemplateSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TemplateListingTests {

	private static final List<TemplateSnapshot> SNAPSHOTS = List.of(snapshot("1001", TemplateFixtures.tourTicket()),
			snapshot("1001", TemplateFixtures.renamed(TemplateFixtures.bookingReminder(), "booking_reminder", "de")),
			snapshot("1001", TemplateFixtures.bookingReminder()), snapshot("1002", TemplateFixtures.bookingReminder()),
			snapshot("1001", TemplateFixtures.withStatus(TemplateFixtures.bookingConfirmed(), "PAUSED", null)),
			snapshot("1001",
					TemplateFixtures.withStatus(
							TemplateFixtures.renamed(TemplateFixtures.bookingConfirmed(), "old_offer", "en_US"),
							"DELETED", null)));

	@Test
	void pagesFollowNameLanguageAndAccountWithoutRepeatsOrGaps() {
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			TemplateListing.Page page = TemplateListing.page(SNAPSHOTS, query(null, null, null, null, 2, cursor));
			page.templates()
				.forEach((s) -> seen.add(s.template().name() + "/" + s.template().language() + "/" + s.wabaId()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null);
		assertThat(seen).containsExactly("booking_confirmed/en_US/1001", "booking_reminder/de/1001",
				"booking_reminder/en_US/1001", "booking_reminder/en_US/1002", "tour_ticket/en_US/1001");
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void filtersByStatusCategoryLanguageAndNamePart() {
		assertThat(names(query("paused", null, null, null, 10, null))).containsExactly("booking_confirmed");
		assertThat(names(query("DELETED", null, null, null, 10, null))).containsExactly("old_offer");
		assertThat(names(query(null, "utility", "de", null, 10, null))).containsExactly("booking_reminder");
		assertThat(names(query(null, null, null, "TICK", 10, null))).containsExactly("tour_ticket");
		assertThat(names(query(null, "marketing", null, null, 10, null))).isEmpty();
	}

	@Test
	void aForeignCursorIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TemplateListing.page(SNAPSHOTS, query(null, null, null, null, 2, "not a cursor!")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TemplateListing.page(SNAPSHOTS, query(null, null, null, null, 2, "YWJj")));
	}

	private static List<String> names(TemplateListing.Query query) {
		return TemplateListing.page(SNAPSHOTS, query).templates().stream().map((s) -> s.template().name()).toList();
	}

	private static TemplateListing.Query query(String status, String category, String language, String q, int limit,
			String cursor) {
		return new TemplateListing.Query(status, category, language, q, limit, cursor);
	}

	private static TemplateSnapshot snapshot(String wabaId, com.waplatform.common.meta.MessageTemplate template) {
		return TemplateSnapshot.of("org-1", wabaId, template, "v1");
	}

}
