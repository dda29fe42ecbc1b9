/**
 * Which auto-reply, if any, answers a customer's message ({@link AutoReplyPolicy}); pure,
 * no framework.
 */
@NullMarked
package com.waplatform.workflow.autoreply.domain;

import org.jspecify.annotations.NullMarked;
