@NullMarked
package com.waplatform.webhook.inbound;

import org.jspecify.annotations.NullMarked;
