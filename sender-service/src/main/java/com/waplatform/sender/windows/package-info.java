/**
 * The 24-hour customer service window as the sender checks it just before each free-form
 * call: learnt from {@code wa.inbound-messages} and from Meta's 131047 answers, kept in
 * {@code customer_windows} and in a bounded cache for the send path.
 */
@NullMarked
package com.waplatform.sender.windows;

import org.jspecify.annotations.NullMarked;
