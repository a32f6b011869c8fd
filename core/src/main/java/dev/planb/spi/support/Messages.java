package dev.planb.spi.support;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the one-line reasons PlanB's messages carry. */
public final class Messages {

    private Messages() {
    }

    /**
     * The first line of an exception's message, for one-line errors; file-system errors, whose
     * message is only a path, say what happened to it.
     */
    public static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof NoSuchFileException missing) {
            message = "no such file or folder: " + missing.getFile();
        } else if (e instanceof AccessDeniedException denied) {
            message = "permission denied: " + denied.getFile();
        } else if (e instanceof FileSystemException failed && failed.getReason() != null) {
            message = failed.getReason() + ": " + failed.getFile();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
