@NullMarked
package com.waplatform.common.webhook;

import org.jspecify.annotations.NullMarked;
