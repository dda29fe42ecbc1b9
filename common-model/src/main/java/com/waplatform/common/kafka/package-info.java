@NullMarked
package com.waplatform.common.kafka;

import org.jspecify.annotations.NullMarked;
