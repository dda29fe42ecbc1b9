@NullMarked
package com.waplatform.webhook.routing;

import org.jspecify.annotations.NullMarked;
