@NullMarked
package com;

import org.jspecify.annotations.NullMarked;
