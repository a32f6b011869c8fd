/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.planb.status.page.StatusPage;

/**
 * Serves the {@link StatusPage} at {@code planb.status-page.path} (default {@code /planb}). The
 * application's Spring Security filter chain, when there is one, guards it like any other path.
 */
@RestController
public class StatusPageController {

    private final StatusPage page;

    /**
     * Makes the controller; {@code PlanBStatusPageAutoConfiguration} does when {@code planb.status-page.enabled=true}.
     *
     * @param page the page that is rendered on each request
     */
    public StatusPageController(StatusPage page) {
        this.page = page;
    }

    /**
     * Renders the page anew, with the plans' current statuses.
     *
     * @return the HTML page, marked {@code Cache-Control: no-store} so no browser or proxy keeps a stale status
     */
    @GetMapping(path = "${planb.status-page.path:/planb}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page() {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(page.render());
    }
}
