@NullMarked
package com.waplatform.gateway.web;

import org.jspecify.annotations.NullMarked;
