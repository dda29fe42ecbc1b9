@NullMarked
package com.waplatform.testsupport;

import org.jspecify.annotations.NullMarked;
