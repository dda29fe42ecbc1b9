/**
 * The rules of the admin API's bodies, in plain Java: an organization's settings.
 */
@NullMarked
package com.waplatform.gateway.admin.domain;

import org.jspecify.annotations.NullMarked;
