/**
 * Backups on an SSH/SFTP server: {@link dev.planb.storage.sftp.SftpDestination}, with strict
 * host-key checking, key or password authentication, and uploads that appear only once complete.
 */
package dev.planb.storage.sftp;
