package com.waplatform.common.inbound;

import org.jspecify.annotations.Nullable;

/**
 * Where a customer's message comes from: the message it replies to, whether it was
 * forwarded, the catalog product it asks about, or the click-to-WhatsApp ad that opened
 * the chat.
 *
 * @param repliedTo the wamid of the message this one replies to (or reacts to)
 * @param repliedToFrom who sent that message (the business number, as Meta gives it)
 * @param forwarded forwarded once
 * @param frequentlyForwarded forwarded more than five times
 * @param referredProduct the product a "message business" from a catalog asks about
 * @param referral the ad or post the customer clicked
 */
public record InboundContext(@Nullable String repliedTo, @Nullable String repliedToFrom, boolean forwarded,
		boolean frequentlyForwarded, @Nullable ReferredProduct referredProduct, @Nullable Referral referral) {

	public static final InboundContext NONE = new InboundContext(null, null, false, false, null, null);

	public record ReferredProduct(@Nullable String catalogId, @Nullable String productRetailerId) {
	}

	/** Meta's {@code referral} object of click-to-WhatsApp ads. */
	public record Referral(@Nullable String sourceUrl, @Nullable String sourceId, @Nullable String sourceType,
			@Nullable String headline, @Nullable String body, @Nullable String mediaType, @Nullable String imageUrl,
			@Nullable String videoUrl, @Nullable String thumbnailUrl, @Nullable String ctwaClid) {
	}

}
