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

    private final String setting;
    private final String problem;

    /**
     * @param setting the full key, e.g. {@code plans.app.schedule}
     * @param problem what is wrong and what to do, one line
     */
    public InvalidSettingException(String setting, String problem) {
        super(ErrorCode.INVALID_SETTING, "Invalid setting " + setting + ": " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The full key of the bad setting. */
    public String setting() {
        return setting;
    }

    /** What is wrong and what to do, without the key. */
    public String problem() {
        return problem;
    }
}
