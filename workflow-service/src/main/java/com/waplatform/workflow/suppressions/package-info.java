/**
 * The organizations' suppression lists (opt-outs), a view of {@code wa.suppressions} in
 * this service's schema: MARKETING rules skip suppressed customers, held MARKETING
 * messages to them are cancelled when due, and auto-replies never go to them.
 */
@NullMarked
package com.waplatform.workflow.suppressions;

import org.jspecify.annotations.NullMarked;
