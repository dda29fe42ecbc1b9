package com.waplatform.simulator.templates;

import java.util.List;
import java.util.stream.IntStream;

import com.waplatform.common.meta.MessageTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatePagingTests {

	private static final List<MessageTemplate> TEMPLATES = IntStream.range(0, 7)
		.mapToObj((i) -> new MessageTemplate("id" + i, "t" + i, "en", "APPROVED", "UTILITY", null, null, null, null,
				null))
		.toList();

	@Test
	void firstPage() {
		TemplatePaging.Page page = TemplatePaging.page(TEMPLATES, 3, null, null);
		assertThat(page.data()).extracting(MessageTemplate::name).containsExactly("t0", "t1", "t2");
		assertThat(page.hasPrevious()).isFalse();
		assertThat(page.hasNext()).isTrue();
		assertThat(page.before()).isEqualTo(TemplatePaging.cursor(TEMPLATES.get(0)));
		assertThat(page.after()).isEqualTo(TemplatePaging.cursor(TEMPLATES.get(2)));
	}

	@Test
	void afterAndBefore() {
		TemplatePaging.Page last = TemplatePaging.page(TEMPLATES, 3, TemplatePaging.cursor(TEMPLATES.get(5)), null);
		assertThat(last.data()).extracting(MessageTemplate::name).containsExactly("t6");
		assertThat(last.hasNext()).isFalse();
		assertThat(last.hasPrevious()).isTrue();
		TemplatePaging.Page back = TemplatePaging.page(TEMPLATES, 3, null, last.before());
		assertThat(back.data()).extracting(MessageTemplate::name).containsExactly("t3", "t4", "t5");
	}

	@Test
	void emptyListHasNoCursors() {
		TemplatePaging.Page page = TemplatePaging.page(List.of(), 3, null, null);
		assertThat(page.data()).isEmpty();
		assertThat(page.before()).isNull();
		assertThat(page.hasNext()).isFalse();
	}

}
