/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.samples.boot;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small order book whose database PlanB backs up: the starter on the classpath and
 * {@code planb.destinations[0].uri} in application.properties are all it takes.
 */
@SpringBootApplication
public class SampleApplication {

    /** Starts the sample. */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    /** {@code GET /orders} lists orders, {@code POST /orders?item=…} adds one. */
    @RestController
    static class Orders {
        private final JdbcTemplate jdbc;

        Orders(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/orders")
        List<Map<String, Object>> list() {
            return jdbc.queryForList("select id, item from orders order by id");
        }

        @PostMapping("/orders")
        void add(@RequestParam("item") String item) {
            jdbc.update("insert into orders(item) values (?)", item);
        }
    }
}
