package com.waplatform.deploy.observability;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The anchors of the {@code ## Runbook} section's headings in docs/operations.md, as
 * GitHub makes them (lower case, punctuation dropped, spaces as hyphens).
 */
final class Runbook {

	private Runbook() {
	}

	static Set<String> anchors(Path operations) {
		Set<String> anchors = new LinkedHashSet<>();
		boolean inRunbook = false;
		for (String line : Repository.read(operations).split("\n")) {
			if (line.startsWith("## ")) {
				inRunbook = line.strip().equals("## Runbook");
			}
			else if (inRunbook && line.startsWith("### ")) {
				anchors.add(anchor(line.substring(4)));
			}
		}
		return anchors;
	}

	static String anchor(String heading) {
		return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

}
