/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;

/**
 * A configuration setting PlanB cannot work with. The message names the setting by its full key
 * (e.g. {@code plans.app.destinations[0].uri}) and says what to do.
 */
public class InvalidSettingException extends PlanBException {

    private static final long serialVersionUID = 1L;

    /** The full key of the bad setting. */
    private final String setting;

    /** What is wrong and what to do, without the key. */
    private final String problem;

    /**
     * Creates the exception, with the message {@code Invalid setting KEY: PROBLEM}.
     *
     * @param setting the full key, e.g. {@code plans.app.schedule}
     * @param problem what is wrong and what to do, one line
     */
    public InvalidSettingException(String setting, String problem) {
        super(ErrorCode.INVALID_SETTING, "Invalid setting " + setting + ": " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** {@return the full key of the bad setting, e.g. {@code plans.app.schedule}} */
    public String setting() {
        return setting;
    }

    /** {@return what is wrong and what to do, without the key} */
    public String problem() {
        return problem;
    }
}
