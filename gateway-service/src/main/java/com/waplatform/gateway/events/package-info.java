@NullMarked
package com.waplatform.gateway.events;

import org.jspecify.annotations.NullMarked;
