package com.waplatform.simulator.templates;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.waplatform.common.meta.MessageTemplate;
import org.jspecify.annotations.Nullable;

/**
 * Meta's cursor paging over a template list: a cursor names a template (its id), so pages
 * stay stable while templates are added.
 */
final class TemplatePaging {

	static final int DEFAULT_LIMIT = 25;

	static final int MAX_LIMIT = 1000;

	private TemplatePaging() {
	}

	static Page page(List<MessageTemplate> all, int limit, @Nullable String after, @Nullable String before) {
		int size = Math.max(1, Math.min(limit, MAX_LIMIT));
		int from;
		int to;
		if (after != null) {
			from = indexOf(all, after) + 1;
			to = Math.min(all.size(), from + size);
		}
		else if (before != null) {
			int position = indexOf(all, before);
			to = (position < 0) ? 0 : position;
			from = Math.max(0, to - size);
		}
		else {
			from = 0;
			to = Math.min(all.size(), size);
		}
		from = Math.min(from, all.size());
		to = Math.max(from, to);
		List<MessageTemplate> data = all.subList(from, to);
		String beforeCursor = data.isEmpty() ? null : cursor(data.get(0));
		String afterCursor = data.isEmpty() ? null : cursor(data.get(data.size() - 1));
		return new Page(List.copyOf(data), beforeCursor, afterCursor, from > 0 && !data.isEmpty(),
				to < all.size() && !data.isEmpty());
	}

	static String cursor(MessageTemplate template) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.valueOf(template.id()).getBytes(StandardCharsets.UTF_8));
	}

	private static int indexOf(List<MessageTemplate> all, String cursor) {
		String id;
		try {
			id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
		for (int i = 0; i < all.size(); i++) {
			if (id.equals(all.get(i).id())) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * @param data the templates of this page
	 * @param before cursor of the first one
	 * @param after cursor of the last one
	 * @param hasPrevious whether templates come before this page
	 * @param hasNext whether templates come after it
	 */
	record Page(List<MessageTemplate> data, @Nullable String before, @Nullable String after, boolean hasPrevious,
			boolean hasNext) {
	}

}
