/**
 * The organizations' business phone numbers and the WhatsApp Business Accounts they
 * belong to.
 */
@NullMarked
package com.waplatform.gateway.numbers;

import org.jspecify.annotations.NullMarked;
