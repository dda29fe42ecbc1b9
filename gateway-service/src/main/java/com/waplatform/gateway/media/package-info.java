/**
 * Media files through the gateway: {@code GET /v1/media/{mediaId}} streams a file the
 * organization's customers sent (or it uploaded) from Meta's Graph API,
 * {@code POST /v1/media} uploads one for sends by id. Which organization may fetch which
 * media id is kept in {@code media_objects}, fed by {@code wa.inbound-messages} and by
 * uploads.
 */
@NullMarked
package com.waplatform.gateway.media;

import org.jspecify.annotations.NullMarked;
