package com.waplatform.common.kafka;

import java.time.Duration;

/**
 * A topic as a typed value: its name, the type of its key and of its values, and how it
 * is created. Keys are always strings (ids), so the key type documents which id it is.
 *
 * @param <V> the value family carried on the topic
 */
public record Topic<V>(String name, String key, Class<V> valueType, int partitions, Duration retention,
		boolean compacted) {

	public String retry() {
		return this.name + "-retry";
	}

	public String dlt() {
		return this.name + "-dlt";
	}

}
