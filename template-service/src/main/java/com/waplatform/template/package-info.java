@NullMarked
package com.waplatform.template;

import org.jspecify.annotations.NullMarked;
