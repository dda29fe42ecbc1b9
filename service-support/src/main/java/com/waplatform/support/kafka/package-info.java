@NullMarked
package com.waplatform.support.kafka;

import org.jspecify.annotations.NullMarked;
