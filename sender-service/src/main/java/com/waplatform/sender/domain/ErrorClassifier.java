package com.waplatform.sender.domain;

import java.util.HashMap;
import java.util.Map;

import com.waplatform.common.message.ErrorInfo;
import org.jspecify.annotations.Nullable;

/**
 * Classifies Meta errors by {@code error.code}, never by HTTP status alone (Meta answers
 * 132001 with 404 and 130429 with 400 or 429). Codes that are not in Meta's table are
 * permanent unless Meta marks the error {@code is_transient}: failing fast with Meta's
 * reason beats retrying a request that cannot succeed.
 */
public final class ErrorClassifier {

	/**
	 * Permanent codes of Meta's table (META-API.md §b), stated so a flag cannot flip
	 * them.
	 */
	private static final int[] PERMANENT = { 3, 10, 33, 100, 131005, 131008, 131009, 131021, 131026, 131030, 131031,
			131037, 131042, 131045, 131048, 131049, 131050, 131051, 131052, 131053, 131062, 131064, 132000, 132001,
			132005, 132007, 132008, 132012, 132015, 132016, 132068, 132069, 133000, 133010, 133016, 135000, 368, 130472,
			130497 };

	private static final Map<Integer, ErrorClass> BY_CODE = byCode();

	private ErrorClassifier() {
	}

	private static Map<Integer, ErrorClass> byCode() {
		Map<Integer, ErrorClass> byCode = new HashMap<>();
		for (int code : new int[] { 1, 2, 131000, 131016, 131057, 133004 }) {
			byCode.put(code, ErrorClass.TRANSIENT);
		}
		for (int code : new int[] { 130429, 80007, 4 }) {
			byCode.put(code, ErrorClass.THROUGHPUT);
		}
		byCode.put(131056, ErrorClass.PAIR_LIMIT);
		byCode.put(0, ErrorClass.AUTH);
		byCode.put(190, ErrorClass.AUTH);
		byCode.put(131047, ErrorClass.WINDOW);
		for (int code : PERMANENT) {
			byCode.put(code, ErrorClass.PERMANENT);
		}
		return Map.copyOf(byCode);
	}

	public static ErrorClass classify(MetaError error) {
		return classify(error.code(), error.isTransient());
	}

	public static ErrorClass classify(int code, @Nullable Boolean isTransient) {
		ErrorClass known = BY_CODE.get(code);
		if (known != null) {
			return known;
		}
		if (code >= 200 && code <= 299) {
			// API permission errors
			return ErrorClass.PERMANENT;
		}
		return Boolean.TRUE.equals(isTransient) ? ErrorClass.TRANSIENT : ErrorClass.PERMANENT;
	}

	/**
	 * Why a message failed, as published on its {@code failed} status: Meta's code, title
	 * and details. Outside the 24-hour window (131047) the details also say what to do
	 * instead, because Meta's text does not.
	 */
	public static ErrorInfo failureReason(MetaError error) {
		if (classify(error) == ErrorClass.WINDOW) {
			String meta = (error.details() != null) ? error.details() + " " : "";
			return ErrorInfo.of(error.code(), error.title(), meta + WINDOW_ADVICE);
		}
		return error.toErrorInfo();
	}

	static final String WINDOW_ADVICE = "The customer has not written in the last 24 hours (customer service window "
			+ "closed): only an approved template message can be sent to them.";

	/**
	 * An error answer without a Graph error body (a proxy, a load balancer, an outage):
	 * there is no code to go by, so the request is kept for a retry or a replay, never
	 * failed for good. Only 429 says more: the throughput was exceeded.
	 */
	public static ErrorClass classifyWithoutBody(int httpStatus) {
		return (httpStatus == 429) ? ErrorClass.THROUGHPUT : ErrorClass.TRANSIENT;
	}

}
