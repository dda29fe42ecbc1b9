package com.waplatform.common.inbound;

import org.jspecify.annotations.Nullable;

/**
 * The plain-text view of typed inbound content: what {@code text} and {@code payload} of
 * an {@link InboundMessage} say, and what keyword matching (opt-out, auto-reply) reads.
 */
public final class InboundText {

	private InboundText() {
	}

	/** The words the customer wrote or chose, if any. */
	public static @Nullable String of(InboundContent content) {
		if (content instanceof InboundContent.Text text) {
			return text.body();
		}
		if (content instanceof InboundContent.Reply reply) {
			return reply.title();
		}
		if (content instanceof InboundContent.Media media) {
			return media.caption();
		}
		if (content instanceof InboundContent.Reaction reaction) {
			return reaction.emoji();
		}
		if (content instanceof InboundContent.SystemNotice notice) {
			return notice.body();
		}
		if (content instanceof InboundContent.Order order) {
			return order.text();
		}
		if (content instanceof InboundContent.Edit edit) {
			return (edit.content() != null) ? of(edit.content()) : null;
		}
		return null;
	}

	/** A reply's id or payload, or a flow's response JSON. */
	public static @Nullable String payloadOf(InboundContent content) {
		if (content instanceof InboundContent.Reply reply) {
			return (reply.responseJson() != null) ? reply.responseJson() : reply.id();
		}
		return null;
	}

	static @Nullable String reactedTo(InboundContent content) {
		return (content instanceof InboundContent.Reaction reaction) ? reaction.messageId() : null;
	}

	/**
	 * Whether the customer wrote this themselves (text, a caption, a reply): what keyword
	 * rules may answer. Reactions, edits, revokes, system notices and unsupported
	 * messages are not.
	 */
	public static boolean isWritten(InboundContent content) {
		return content instanceof InboundContent.Text || content instanceof InboundContent.Reply
				|| (content instanceof InboundContent.Media media && media.caption() != null);
	}

}
