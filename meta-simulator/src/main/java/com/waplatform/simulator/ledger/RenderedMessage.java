package com.waplatform.simulator.ledger;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What the customer sees of a message: for a template send, its header, body, footer and
 * buttons with the parameters filled in; for a text message, the body alone.
 *
 * @param header the header, if any
 * @param body the body text
 * @param footer the footer text, if any
 * @param buttons the buttons, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenderedMessage(@Nullable Header header, String body, @Nullable String footer, List<Button> buttons) {

	public static RenderedMessage text(String body) {
		return new RenderedMessage(null, body, null, List.of());
	}

	/**
	 * @param format TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION
	 * @param text the header text (TEXT)
	 * @param mediaLink the media's link (media sent by link)
	 * @param mediaId the media's id (media sent by id)
	 * @param filename the document's file name
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Header(String format, @Nullable String text, @Nullable String mediaLink, @Nullable String mediaId,
			@Nullable String filename) {
	}

	/**
	 * @param type QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG...
	 * @param text the button's label
	 * @param url the URL with its dynamic suffix applied (URL buttons)
	 * @param phoneNumber the number called (PHONE_NUMBER buttons)
	 * @param payload the quick-reply payload, coupon or one-time code sent
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Button(String type, @Nullable String text, @Nullable String url, @Nullable String phoneNumber,
			@Nullable String payload) {
	}

}
