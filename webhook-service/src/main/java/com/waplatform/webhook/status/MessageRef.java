package com.waplatform.webhook.status;

/** Our message, as a status webhook refers to it. */
record MessageRef(String messageId, String organizationId) {
}
