@NullMarked
package com.waplatform.support.templates;

import org.jspecify.annotations.NullMarked;
