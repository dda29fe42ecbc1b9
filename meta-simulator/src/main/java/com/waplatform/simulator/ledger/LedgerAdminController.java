package com.waplatform.simulator.ledger;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/ledger}: what the simulator accepted and refused. */
@RestController
@RequestMapping("/admin/ledger")
class LedgerAdminController {

	private final Ledger ledger;

	LedgerAdminController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping
	List<LedgerEntry> entries(@RequestParam(required = false) @Nullable String phoneNumberId,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String callbackData) {
		return this.ledger.entries(phoneNumberId, to, callbackData);
	}

	@GetMapping("/count")
	Map<String, Long> count(@RequestParam(required = false) @Nullable String callbackData) {
		long count = (callbackData != null) ? this.ledger.countByCallbackData(callbackData) : this.ledger.size();
		return Map.of("count", count);
	}

	@GetMapping("/{wamid}/rendered")
	ResponseEntity<RenderedMessage> rendered(@PathVariable String wamid) {
		return ResponseEntity.of(this.ledger.findByWamid(wamid).map(LedgerEntry::rendered));
	}

	@GetMapping("/rejections")
	List<Rejection> rejections(@RequestParam(required = false) @Nullable Integer code) {
		return (code != null) ? this.ledger.rejections(code) : this.ledger.rejections();
	}

	/** Accepted mark-as-reads (a read receipt that reached "Meta"). */
	@GetMapping("/reads")
	List<ReadReceipt> reads(@RequestParam(required = false) @Nullable String phoneNumberId,
			@RequestParam(required = false) @Nullable String messageId) {
		return this.ledger.reads(phoneNumberId, messageId);
	}

	@DeleteMapping
	ResponseEntity<Void> clear() {
		this.ledger.clear();
		return ResponseEntity.noContent().build();
	}

}
