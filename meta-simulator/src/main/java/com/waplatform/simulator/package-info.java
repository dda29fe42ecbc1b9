/**
 * A local stand-in for Meta's Graph API (WhatsApp Cloud API): sends, templates, signed
 * status webhooks and an in-memory ledger of what was sent.
 */
@NullMarked
package com.waplatform.simulator;

import org.jspecify.annotations.NullMarked;
