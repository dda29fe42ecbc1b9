@NullMarked
package com.waplatform.gateway.webhooks;

import org.jspecify.annotations.NullMarked;
