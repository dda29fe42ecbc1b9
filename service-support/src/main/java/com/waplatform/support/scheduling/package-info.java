/**
 * Messages held until their time in a service's own {@code scheduled_messages} table,
 * released exactly once by every instance together ({@link DueMessages}).
 */
@NullMarked
package com.waplatform.support.scheduling;

import org.jspecify.annotations.NullMarked;
