/**
 * Meta's media endpoints: upload ({@code POST /{version}/{phone-number-id}/media}),
 * retrieve ({@code GET /{version}/{media-id}}), delete, and the short-lived download URL;
 * the files of inbound media posted through the admin API live here too.
 */
@NullMarked
package com.waplatform.simulator.media;

import org.jspecify.annotations.NullMarked;
