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

    /** @param page what is served */
    public StatusPageController(StatusPage page) {
        this.page = page;
    }

    /** The page, never cached. */
    @GetMapping(path = "${planb.status-page.path:/planb}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page() {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(page.render());
    }
}
