package com.waplatform.common.template;

import java.util.List;

import com.waplatform.common.meta.MetaMessage;
import org.jspecify.annotations.Nullable;

/**
 * A template message as the customer will see it: variables replaced by the values of the
 * send (a variable without a value keeps its {@code {{placeholder}}}).
 *
 * @param header the header, or {@code null} when the template has none
 * @param body the body text
 * @param footer the footer text, or {@code null}
 * @param buttons the template's buttons in order
 */
public record RenderedTemplate(@Nullable Header header, String body, @Nullable String footer, List<Button> buttons) {

	/**
	 * @param type TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION (Meta's header format)
	 * @param text the header text (TEXT headers)
	 * @param mediaLink the media URL sent (media headers)
	 * @param mediaId the uploaded media id sent (media headers)
	 * @param filename a document's file name, when sent
	 * @param location the location sent (LOCATION headers)
	 */
	public record Header(String type, @Nullable String text, @Nullable String mediaLink, @Nullable String mediaId,
			@Nullable String filename, MetaMessage.@Nullable Location location) {
	}

	/**
	 * @param type QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM...
	 * @param text the button label
	 * @param url the URL the button opens, the dynamic suffix applied
	 * @param phoneNumber the number a PHONE_NUMBER button calls
	 * @param payload the payload a QUICK_REPLY button sends back when tapped
	 * @param code the code a COPY_CODE button copies (coupon_code) or an OTP button
	 * carries
	 */
	public record Button(String type, @Nullable String text, @Nullable String url, @Nullable String phoneNumber,
			@Nullable String payload, @Nullable String code) {
	}

}
