package com.waplatform.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Compares the gateway's preview ({@code POST /v1/templates/{name}/preview},
 * common-model's {@code RenderedTemplate}) with what the simulator rendered for the same
 * send ({@code GET /admin/ledger/{wamid}/rendered}, its {@code RenderedMessage}), field
 * by field. The two name some fields differently:
 * <table>
 * <tr>
 * <th>preview</th>
 * <th>simulator</th>
 * </tr>
 * <tr>
 * <td>{@code header.type}</td>
 * <td>{@code header.format}</td>
 * </tr>
 * <tr>
 * <td>{@code header.text/mediaLink/mediaId/filename}</td>
 * <td>same names</td>
 * </tr>
 * <tr>
 * <td>{@code header.location}</td>
 * <td>(not captured: compared with what was sent instead)</td>
 * </tr>
 * <tr>
 * <td>{@code body}, {@code footer}</td>
 * <td>same names</td>
 * </tr>
 * <tr>
 * <td>{@code buttons[i].type/text/url/phoneNumber}</td>
 * <td>same names</td>
 * </tr>
 * <tr>
 * <td>{@code buttons[i].payload} (QUICK_REPLY)</td>
 * <td>{@code buttons[i].payload}</td>
 * </tr>
 * <tr>
 * <td>{@code buttons[i].code} (COPY_CODE, OTP)</td>
 * <td>{@code buttons[i].payload}</td>
 * </tr>
 * </table>
 */
final class Renderings {

	private static final Set<String> CODE_BUTTONS = Set.of("COPY_CODE", "OTP");

	private Renderings() {
	}

	/** Every field in which the two renderings differ; empty when they agree. */
	static List<String> differences(JsonNode preview, JsonNode simulator) {
		List<String> differences = new ArrayList<>();
		JsonNode header = preview.path("header");
		JsonNode simulatorHeader = simulator.path("header");
		if (present(header) != present(simulatorHeader)) {
			differences.add("header: preview " + header + ", simulator " + simulatorHeader);
		}
		else if (present(header)) {
			compare(differences, "header.type/format", text(header, "type"), text(simulatorHeader, "format"));
			for (String field : List.of("text", "mediaLink", "mediaId", "filename")) {
				compare(differences, "header." + field, text(header, field), text(simulatorHeader, field));
			}
		}
		compare(differences, "body", text(preview, "body"), text(simulator, "body"));
		compare(differences, "footer", text(preview, "footer"), text(simulator, "footer"));
		JsonNode buttons = preview.path("buttons");
		JsonNode simulatorButtons = simulator.path("buttons");
		if (buttons.size() != simulatorButtons.size()) {
			differences.add("buttons: preview " + buttons + ", simulator " + simulatorButtons);
			return differences;
		}
		for (int i = 0; i < buttons.size(); i++) {
			JsonNode button = buttons.get(i);
			JsonNode simulated = simulatorButtons.get(i);
			String where = "buttons[" + i + "].";
			for (String field : List.of("type", "text", "url", "phoneNumber")) {
				compare(differences, where + field, text(button, field), text(simulated, field));
			}
			String value = CODE_BUTTONS.contains(text(button, "type")) ? text(button, "code") : text(button, "payload");
			compare(differences, where + "payload/code", value, text(simulated, "payload"));
		}
		return differences;
	}

	private static void compare(List<String> differences, String field, String preview, String simulator) {
		if (!Objects.equals(preview, simulator)) {
			differences.add(field + ": preview '" + preview + "', simulator '" + simulator + "'");
		}
	}

	private static boolean present(JsonNode node) {
		return !node.isMissingNode() && !node.isNull();
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return present(value) ? value.asString() : null;
	}

}
