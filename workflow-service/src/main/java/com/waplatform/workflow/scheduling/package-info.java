@NullMarked
package com.waplatform.workflow.scheduling;

import org.jspecify.annotations.NullMarked;
