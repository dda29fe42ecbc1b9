/**
 * Creates templates at Meta after checking Meta's rules; the approval comes later by the
 * status webhook.
 */
@NullMarked
package com.waplatform.template.creation;

import org.jspecify.annotations.NullMarked;
