@NullMarked
package com.waplatform.callback.delivery.domain;

import org.jspecify.annotations.NullMarked;
