@NullMarked
package com.waplatform.template.sync;

import org.jspecify.annotations.NullMarked;
