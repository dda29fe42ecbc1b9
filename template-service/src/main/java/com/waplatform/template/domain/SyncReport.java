package com.waplatform.template.domain;

/**
 * The outcome of syncing one WhatsApp Business Account.
 *
 * @param pages pages read from Meta
 * @param seen templates Meta listed
 * @param added templates stored for the first time (or listed again after a deletion)
 * @param changed templates whose version changed
 * @param removed templates that disappeared from Meta's list, now marked DELETED
 * @param unchanged templates whose version did not change
 */
public record SyncReport(String wabaId, int pages, int seen, int added, int changed, int removed, int unchanged) {

	public int written() {
		return this.added + this.changed + this.removed;
	}

}
