package dev.planb.storage.rclone;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the URI form of an rclone destination, as the command line and properties give it:
 * <pre>
 * rclone://REMOTE:PATH[?config=FILE][&amp;writeOnly=true][&amp;rclone=/path/to/rclone]
 * </pre>
 * {@code REMOTE} is a remote's name in rclone's config file (found as rclone finds it,
 * {@code RCLONE_CONFIG} included, unless {@code config=FILE} names it); {@code PATH} is the folder
 * on it, as rclone writes it after the colon. The remote's secrets stay in that file.
 */
public final class RcloneUri {

    private static final String SCHEME = "rclone://";
    private static final List<String> PARAMETERS = List.of("config", "writeOnly", "rclone");

    private RcloneUri() {
    }

    /**
     * The destination an {@code rclone://} URI names.
     *
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming what is wrong
     */
    public static RcloneDestination parse(String uri) {
        return builder(uri).build();
    }

    /** The builder an {@code rclone://} URI fills in, to adjust before {@code build()}. */
    public static RcloneDestination.Builder builder(String uri) {
        if (!uri.startsWith(SCHEME)) {
            throw invalid(uri, "is not of the form rclone://REMOTE:PATH");
        }
        String rest = uri.substring(SCHEME.length());
        int question = rest.indexOf('?');
        String location = question < 0 ? rest : rest.substring(0, question);
        int colon = location.indexOf(':');
        if (colon <= 0) {
            throw invalid(uri, "names no remote: write rclone://REMOTE:PATH with a remote from 'rclone listremotes'");
        }
        RcloneDestination.Builder builder = RcloneDestination.builder().remote(location.substring(0, colon))
                .path(location.substring(colon + 1));
        if (question >= 0 && question < rest.length() - 1) {
            for (String pair : rest.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (!PARAMETERS.contains(name)) {
                    throw invalid(uri, "has an unknown parameter '" + name + "': use " + String.join(", ", PARAMETERS));
                }
                if (equals < 0 || equals == pair.length() - 1) {
                    throw invalid(uri, "gives no value for '" + name + "'");
                }
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "config" -> builder.config(Path.of(value));
                    case "rclone" -> builder.binary(value);
                    default -> {
                        if (!value.equals("true") && !value.equals("false")) {
                            throw invalid(uri, "has writeOnly=" + value + ": give true or false");
                        }
                        builder.writeOnly(Boolean.parseBoolean(value));
                    }
                }
            }
        }
        return builder;
    }

    private static PlanBException invalid(String uri, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "rclone destination '" + uri + "' " + problem);
    }
}
