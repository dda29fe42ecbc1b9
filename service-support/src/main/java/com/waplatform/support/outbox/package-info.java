@NullMarked
package com.waplatform.support.outbox;

import org.jspecify.annotations.NullMarked;
