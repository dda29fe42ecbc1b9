package com.waplatform.gateway.deadletters;

import java.util.ArrayList;
import java.util.List;

import com.waplatform.gateway.deadletters.DeadLetterAdmin.Cursor;
import com.waplatform.gateway.deadletters.DeadLetterViews.Coordinates;
import com.waplatform.gateway.deadletters.DeadLetterViews.Page;
import com.waplatform.gateway.deadletters.DeadLetterViews.ReplayRequest;
import com.waplatform.gateway.deadletters.DeadLetterViews.ReplayResponse;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.PageParameters;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.kafka.DeadLetterTopicReader.Position;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' dead-letter API (admin token, {@code GatewaySecurity}): every
 * {@code wa.*-dlt} topic's records with where they came from and why, and their replay.
 */
@RestController
class DeadLetterController {

	/** The most records one replay may name. */
	static final int MAX_RECORDS = 1000;

	static final int MAX_PAGE_SIZE = 500;

	private final DeadLetterAdmin admin;

	DeadLetterController(DeadLetterAdmin admin) {
		this.admin = admin;
	}

	@GetMapping(Routes.DEAD_LETTERS)
	Mono<Page> list(@RequestParam(required = false) @Nullable String topic,
			@RequestParam(required = false) @Nullable String organizationId,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable Integer limit) {
		List<FieldViolation> errors = new ArrayList<>();
		if (topic != null && !DeadLetterAdmin.TOPICS.containsKey(topic)) {
			errors.add(new FieldViolation("topic", topicsExpected()));
		}
		Cursor cursor = null;
		if (after != null) {
			cursor = Cursor.parse(after);
			if (cursor == null || (topic != null && !topic.equals(cursor.topic()))) {
				errors.add(new FieldViolation("after", "must be a nextAfter of a page of the same query"));
			}
		}
		int pageSize = PageParameters.pageSize(limit, MAX_PAGE_SIZE, errors);
		if (!errors.isEmpty()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST, errors));
		}
		return this.admin.list(topic, blankToNull(organizationId), cursor, pageSize);
	}

	@PostMapping(Routes.DEAD_LETTER_REPLAY)
	Mono<ReplayResponse> replay(@RequestBody ReplayRequest request) {
		List<FieldViolation> errors = new ArrayList<>();
		String topic = request.topic();
		if (topic == null || !DeadLetterAdmin.TOPICS.containsKey(topic)) {
			errors.add(new FieldViolation("topic", topicsExpected()));
		}
		boolean all = Boolean.TRUE.equals(request.all());
		List<Coordinates> records = request.records();
		if (all == (records != null && !records.isEmpty())) {
			errors.add(new FieldViolation("records", "list the records to replay, or set all: true (not both)"));
		}
		List<Position> positions = new ArrayList<>();
		if (records != null) {
			if (records.size() > MAX_RECORDS) {
				errors.add(new FieldViolation("records", "at most " + MAX_RECORDS + " records at once"));
			}
			for (int i = 0; i < records.size(); i++) {
				Coordinates coordinates = records.get(i);
				if (coordinates == null || coordinates.partition() == null || coordinates.offset() == null
						|| coordinates.partition() < 0 || coordinates.offset() < 0) {
					errors.add(new FieldViolation("records[" + i + "]",
							"needs a partition and an offset (both 0 or more)"));
				}
				else {
					positions.add(new Position(coordinates.partition(), coordinates.offset()));
				}
			}
		}
		if (!errors.isEmpty() || topic == null) {
			return Mono.error(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, errors));
		}
		return this.admin.replay(topic, all ? null : positions);
	}

	private static String topicsExpected() {
		return "must be one of " + String.join(", ", DeadLetterAdmin.TOPICS.keySet());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
