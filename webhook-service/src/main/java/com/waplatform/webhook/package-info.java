@NullMarked
package com.waplatform.webhook;

import org.jspecify.annotations.NullMarked;
