package com.waplatform.simulator.faults;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** {@code /admin/faults}: set, show and clear fault profiles. */
@RestController
@RequestMapping("/admin/faults")
class FaultAdminController {

	private final Faults faults;

	FaultAdminController(Faults faults) {
		this.faults = faults;
	}

	@PostMapping
	FaultProfile put(@RequestBody FaultRequest profile) {
		try {
			return this.faults.put(profile.toProfile());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(BAD_REQUEST, ex.getMessage());
		}
	}

	@GetMapping
	Map<String, @Nullable Object> list() {
		Map<String, @Nullable Object> profiles = new LinkedHashMap<>();
		profiles.put("global", this.faults.global());
		profiles.put("numbers", this.faults.byNumber());
		return profiles;
	}

	@DeleteMapping
	ResponseEntity<Void> clear(@RequestParam(required = false) @Nullable String phoneNumberId) {
		this.faults.clear(phoneNumberId);
		return ResponseEntity.noContent().build();
	}

}
