/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.spi.support.UriParameters;
import dev.planb.storage.azure.AzureBlobUri;
import dev.planb.storage.ftp.FtpUri;
import dev.planb.storage.sftp.SftpUri;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a recovery machine needs to read one destination, from its URI alone: the files and the environment variables
 * holding its credentials, named, never read. The credentials a restore needs are read-only ones; none of them has
 * to come from the production machine.
 *
 * @param needs what must be at hand, one line each
 * @param variables the environment variables to set, each with what it holds
 */
record DestinationAccess(List<String> needs, Map<String, String> variables) {

    /** What reaching {@code uri} takes. */
    static DestinationAccess of(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon > 1 ? uri.substring(0, colon) : "";
        int question = uri.indexOf('?');
        String rawQuery = question < 0 ? null : uri.substring(question + 1);
        Map<String, String> query = UriParameters.parse(rawQuery, UriParameters.names(rawQuery),
                IllegalArgumentException::new).asMap();
        List<String> needs = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        switch (scheme) {
            case "s3" -> {
                if (query.containsKey("profile")) {
                    needs.add("the AWS profile `" + query.get("profile") + "` in `~/.aws/credentials`, with read and list"
                            + " permission on the bucket");
                } else {
                    variables.put("AWS_ACCESS_KEY_ID", "an access key that may read and list the bucket");
                    variables.put("AWS_SECRET_ACCESS_KEY", "its secret");
                }
                if (!query.containsKey("region")) {
                    variables.put("AWS_REGION", "the bucket's region");
                }
                needs.add("network access to " + (query.containsKey("endpoint") ? "`" + query.get("endpoint") + "`"
                        : "the S3 endpoint of that region"));
            }
            case "sftp" -> {
                needs.add("SSH access to the server as the account in the URI");
                if (query.containsKey("identity")) {
                    needs.add("the private key `" + query.get("identity") + "` (a copy kept off production)");
                } else if (!query.containsKey("passwordEnv")) {
                    needs.add("a private key at `~/.ssh/id_ed25519` (or `id_ecdsa`, `id_rsa`) that the account accepts,"
                            + " or its password in " + SftpUri.PASSWORD_VARIABLE);
                }
                if (query.containsKey("knownHosts")) {
                    needs.add("the known_hosts file `" + query.get("knownHosts") + "` with the server's host key");
                } else if (!query.containsKey("hostKey")) {
                    needs.add("the server's host key in `~/.ssh/known_hosts`");
                }
                if (query.containsKey("passwordEnv")) {
                    variables.put(query.get("passwordEnv"), "the account's password");
                }
                if (query.containsKey("passphraseEnv")) {
                    variables.put(query.get("passphraseEnv"), "the private key's passphrase");
                }
            }
            case "ftp", "ftps" -> {
                needs.add("FTP access to the server as the account in the URI");
                if (query.containsKey("passwordFile")) {
                    needs.add("the password file `" + query.get("passwordFile") + "`");
                } else {
                    variables.put(query.getOrDefault("passwordEnv", FtpUri.PASSWORD_VARIABLE), "the account's password");
                }
                if (query.containsKey("certificate")) {
                    needs.add("the server's certificate `" + query.get("certificate") + "`");
                }
            }
            case "azblob" -> {
                needs.add("network access to " + (query.containsKey("endpoint") ? "`" + query.get("endpoint") + "`"
                        : "the storage account"));
                if (query.containsKey("sasFile")) {
                    needs.add("the SAS token file `" + query.get("sasFile") + "`");
                } else if (query.containsKey("sasEnv")) {
                    variables.put(query.get("sasEnv"), "a SAS token that may read and list the container");
                } else {
                    variables.put(AzureBlobUri.CONNECTION_STRING_VARIABLE, "a connection string that may read the"
                            + " container (or " + AzureBlobUri.SAS_VARIABLE + " with a SAS token, or a signed-in"
                            + " `az login`)");
                }
            }
            case "rclone" -> needs.add("rclone (Debian: `apt-get install -y rclone`) and " + (query.containsKey("config")
                    ? "its config file `" + query.get("config") + "`" : "an rclone.conf (`RCLONE_CONFIG` or"
                            + " `~/.config/rclone/rclone.conf`)") + " defining the remote in the URI");
            default -> needs.add("the folder itself: mounted on the recovery machine, or a copy of it");
        }
        return new DestinationAccess(List.copyOf(needs), Collections.unmodifiableMap(variables));
    }
}
