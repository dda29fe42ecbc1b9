package com.waplatform.systemtests.bench;

import java.util.List;
import java.util.Map;

/**
 * What {@link Bench} keeps of a scenario, whichever kind it was.
 *
 * @param json the report, written to {@code <output>/<scenario>.json}
 * @param lost one line per lost message, written to
 * {@code <output>/logs/<scenario>/lost.txt}
 * @param summary the line printed at the end
 * @param passed whether every target was met
 */
public record Outcome(Map<String, Object> json, List<String> lost, String summary, boolean passed) {

	static Outcome of(Report report) {
		return new Outcome(report.json(), report.lost(), report.summary(), report.passed());
	}

	static Outcome of(SchedulerReport report) {
		return new Outcome(report.json(), report.lost(), report.summary(), report.passed());
	}

}
