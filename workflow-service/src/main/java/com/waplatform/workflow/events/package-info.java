@NullMarked
package com.waplatform.workflow.events;

import org.jspecify.annotations.NullMarked;
