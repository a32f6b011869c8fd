/**
 * How directory trees are archived, indexed, restored and checked: implementation details of
 * {@link dev.planb.files.DirectorySource}, with no compatibility promise.
 */
package dev.planb.files.internal;
