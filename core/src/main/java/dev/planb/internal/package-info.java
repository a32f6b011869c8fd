/**
 * Implementation details of PlanB: the streaming pipeline, JSON and helpers. No compatibility
 * promise: anything here may change in any release.
 */
package dev.planb.internal;
