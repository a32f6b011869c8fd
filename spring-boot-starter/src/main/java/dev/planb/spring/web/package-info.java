/**
 * PlanB's status page at {@code planb.status-page.path}: core's {@link dev.planb.status.page.StatusPage}
 * (server-rendered HTML, no JavaScript) served by Spring MVC.
 */
package dev.planb.spring.web;
