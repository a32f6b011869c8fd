/**
 * PlanB in Spring Boot Actuator: the {@code planb} health indicator, the {@code /actuator/planb}
 * endpoint and Micrometer metrics, all reading the runtime's {@link dev.planb.PlanB#status()}.
 */
package dev.planb.spring.actuate;
