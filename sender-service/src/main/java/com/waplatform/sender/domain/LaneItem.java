package com.waplatform.sender.domain;

import com.waplatform.common.message.Priority;

/** What a {@link NumberLane} needs to know about a message it schedules. */
public interface LaneItem {

	String id();

	String recipient();

	Priority priority();

}
