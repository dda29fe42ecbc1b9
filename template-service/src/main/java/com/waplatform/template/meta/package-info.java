@NullMarked
package com.waplatform.template.meta;

import org.jspecify.annotations.NullMarked;
