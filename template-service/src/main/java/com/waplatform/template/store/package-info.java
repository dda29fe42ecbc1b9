@NullMarked
package com.waplatform.template.store;

import org.jspecify.annotations.NullMarked;
