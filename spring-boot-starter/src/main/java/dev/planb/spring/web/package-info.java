/** PlanB's status page: server-rendered HTML, no JavaScript, at {@code planb.status-page.path}. */
package dev.planb.spring.web;
