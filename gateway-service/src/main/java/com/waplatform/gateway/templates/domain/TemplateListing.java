package com.waplatform.gateway.templates.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Filters and pages templates in a stable order (name, language, account). The cursor is
 * the position of the last template of a page, so a page never repeats or skips a
 * template that existed on both requests. Deleted templates are listed only when asked
 * for by status.
 */
public final class TemplateListing {

	static final Comparator<TemplateSnapshot> ORDER = Comparator
		.comparing((TemplateSnapshot snapshot) -> snapshot.template().name())
		.thenComparing((snapshot) -> snapshot.template().language())
		.thenComparing(TemplateSnapshot::wabaId);

	private static final String SEPARATOR = "\n";

	private TemplateListing() {
	}

	/**
	 * @param status Meta's status (any case), or null for every status but DELETED
	 * @param category Meta's category (any case)
	 * @param language the exact language code
	 * @param nameContains a part of the name (any case)
	 * @param cursor the {@code nextCursor} of the previous page
	 */
	public record Query(@Nullable String status, @Nullable String category, @Nullable String language,
			@Nullable String nameContains, int limit, @Nullable String cursor) {
	}

	/**
	 * @param nextCursor where the next page starts, or null on the last page
	 */
	public record Page(List<TemplateSnapshot> templates, @Nullable String nextCursor) {
	}

	/**
	 * @throws IllegalArgumentException when the cursor is not one this listing made
	 */
	public static Page page(Collection<TemplateSnapshot> snapshots, Query query) {
		Position after = (query.cursor() != null) ? Position.decode(query.cursor()) : null;
		List<TemplateSnapshot> matching = snapshots.stream()
			.filter(filter(query))
			.filter((snapshot) -> after == null || after.isBefore(snapshot))
			.sorted(ORDER)
			.limit(query.limit() + 1L)
			.toList();
		if (matching.size() <= query.limit()) {
			return new Page(matching, null);
		}
		List<TemplateSnapshot> page = matching.subList(0, query.limit());
		return new Page(List.copyOf(page), Position.of(page.get(page.size() - 1)).encode());
	}

	private static Predicate<TemplateSnapshot> filter(Query query) {
		return (snapshot) -> {
			MessageTemplate template = snapshot.template();
			String status = upper(template.status());
			boolean statusMatches = (query.status() != null) ? status.equals(upper(query.status()))
					: !"DELETED".equals(status);
			return statusMatches
					&& (query.category() == null || upper(template.category()).equals(upper(query.category())))
					&& (query.language() == null || template.language().equals(query.language()))
					&& (query.nameContains() == null || template.name()
						.toLowerCase(Locale.ROOT)
						.contains(query.nameContains().toLowerCase(Locale.ROOT)));
		};
	}

	private static String upper(@Nullable String value) {
		return (value != null) ? value.toUpperCase(Locale.ROOT) : "";
	}

	private record Position(String name, String language, String wabaId) {

		static Position of(TemplateSnapshot snapshot) {
			return new Position(snapshot.template().name(), snapshot.template().language(), snapshot.wabaId());
		}

		boolean isBefore(TemplateSnapshot snapshot) {
			int byName = snapshot.template().name().compareTo(this.name);
			if (byName != 0) {
				return byName > 0;
			}
			int byLanguage = snapshot.template().language().compareTo(this.language);
			return (byLanguage != 0) ? byLanguage > 0 : snapshot.wabaId().compareTo(this.wabaId) > 0;
		}

		String encode() {
			String text = String.join(SEPARATOR, this.name, this.language, this.wabaId);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Position decode(String cursor) {
			String[] parts;
			try {
				parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("not a cursor of this listing", ex);
			}
			if (parts.length != 3) {
				throw new IllegalArgumentException("not a cursor of this listing");
			}
			return new Position(parts[0], parts[1], parts[2]);
		}

	}

}
