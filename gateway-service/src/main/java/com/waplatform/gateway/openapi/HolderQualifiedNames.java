package com.waplatform.gateway.openapi;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names a nested record of the platform after its holder, without the holder's
 * {@code Views}, {@code Requests} or {@code Controller} suffix: {@code MessageViews.Page}
 * → {@code MessagePage}, {@code EventViews.Accepted} → {@code EventAccepted},
 * {@code MessageViews.Message} stays {@code Message}.
 */
final class HolderQualifiedNames extends TypeNameResolver {

	@Override
	protected String getNameOfClass(Class<?> type) {
		String name = super.getNameOfClass(type);
		Class<?> holder = type.getEnclosingClass();
		if (holder == null || !type.getName().startsWith("com.waplatform.")) {
			return name;
		}
		String prefix = holder.getSimpleName().replaceFirst("(Views|Requests|Controller)$", "");
		return name.startsWith(prefix) ? name : prefix + name;
	}

}
