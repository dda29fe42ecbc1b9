@NullMarked
package com.waplatform.common.template;

import org.jspecify.annotations.NullMarked;
