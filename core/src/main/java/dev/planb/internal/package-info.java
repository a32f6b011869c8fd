/**
 * Implementation details of PlanB, one sub-package per concern ({@code pipeline}: the streaming
 * backup and restore runs; {@code tool}: external processes). No compatibility promise: anything
 * here may change in any release, and no module outside core may import it.
 */
package dev.planb.internal;
