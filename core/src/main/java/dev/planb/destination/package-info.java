/** Destinations built into the core: {@link dev.planb.destination.LocalDirectoryDestination}. */
package dev.planb.destination;
