/** Proof that backups restore: checksum checks and restores into a scratch database. */
package dev.planb.verify;
