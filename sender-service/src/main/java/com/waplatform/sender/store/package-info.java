/**
 * The sender's tables: {@code messages} (one row per message id, the durable queue) and
 * {@code paused_organizations}.
 */
@NullMarked
package com.waplatform.sender.store;

import org.jspecify.annotations.NullMarked;
