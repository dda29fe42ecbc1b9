@NullMarked
package com.waplatform.gateway.events.domain;

import org.jspecify.annotations.NullMarked;
