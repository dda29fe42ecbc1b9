@NullMarked
package com.waplatform.common.json;

import org.jspecify.annotations.NullMarked;
