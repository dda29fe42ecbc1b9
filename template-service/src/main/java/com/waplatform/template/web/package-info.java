@NullMarked
package com.waplatform.template.web;

import org.jspecify.annotations.NullMarked;
