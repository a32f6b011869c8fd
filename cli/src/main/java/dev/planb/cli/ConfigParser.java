/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a configuration file's tokens as Jackson binds them, and on the way: replaces {@code ${VAR}} and
 * {@code ${VAR:-default}} in string values with the environment's values ({@code $${} writes a literal
 * {@code ${}), remembers the line of every key, and notes each secret written in the file as a value.
 */
final class ConfigParser extends JsonParserDelegate {

    /** Keys whose value is a secret: {@code KEY} may be written inline only in a file others cannot read. */
    static final Set<String> SECRET_KEYS = Set.of("password", "passphrase", "slack-url", "teams-url", "discord-url",
            "webhook-url", "heartbeat-url", "bot-token");

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final UnaryOperator<String> environment;
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final Map<String, Integer> inlineSecrets = new LinkedHashMap<>();
    private String text;

    ConfigParser(JsonParser parser, UnaryOperator<String> environment) {
        super(parser);
        this.environment = environment;
    }

    /** The line of each key seen, e.g. {@code plans.app.destinations[0].uri}. */
    Map<String, Integer> lines() {
        return lines;
    }

    /** Secrets written in the file as values (not from the environment), by key, with their line. */
    Map<String, Integer> inlineSecrets() {
        return inlineSecrets;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        text = null;
        if (token == JsonToken.FIELD_NAME || token != null && token.isScalarValue()) {
            lines.putIfAbsent(key(delegate.getParsingContext()), delegate.currentTokenLocation().getLineNr());
        }
        if (token == JsonToken.VALUE_STRING) {
            String raw = delegate.getText();
            text = interpolate(raw);
            String key = key(delegate.getParsingContext());
            if (raw.equals(text) && SECRET_KEYS.contains(leaf(key)) && !raw.isEmpty()) {
                inlineSecrets.put(key, delegate.currentTokenLocation().getLineNr());
            }
        }
        return token;
    }

    @Override
    public String getText() throws IOException {
        return text != null && hasToken(JsonToken.VALUE_STRING) ? text : super.getText();
    }

    @Override
    public String getValueAsString() throws IOException {
        return text != null && hasToken(JsonToken.VALUE_STRING) ? text : super.getValueAsString();
    }

    @Override
    public String getValueAsString(String defaultValue) throws IOException {
        return text != null && hasToken(JsonToken.VALUE_STRING) ? text : super.getValueAsString(defaultValue);
    }

    @Override
    public char[] getTextCharacters() throws IOException {
        return text != null && hasToken(JsonToken.VALUE_STRING) ? text.toCharArray() : super.getTextCharacters();
    }

    @Override
    public int getTextLength() throws IOException {
        return text != null && hasToken(JsonToken.VALUE_STRING) ? text.length() : super.getTextLength();
    }

    @Override
    public int getTextOffset() throws IOException {
        return text != null && hasToken(JsonToken.VALUE_STRING) ? 0 : super.getTextOffset();
    }

    private String interpolate(String raw) {
        if (raw.indexOf('$') < 0) {
            return raw;
        }
        Matcher matcher = VARIABLE.matcher(raw);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = matcher.group().substring(1); // $${VAR}: a literal ${VAR}
            } else {
                String value = environment.apply(matcher.group(2));
                if (value == null || value.isEmpty() && matcher.group(3) != null) {
                    if (matcher.group(3) == null) {
                        throw new UnsetVariableException(matcher.group(2), key(delegate.getParsingContext()),
                                delegate.currentTokenLocation().getLineNr());
                    }
                    value = matcher.group(3);
                }
                replacement = value;
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The dotted key of the current token: {@code plans.app.destinations[0].uri}. */
    static String key(JsonStreamContext context) {
        java.util.ArrayDeque<JsonStreamContext> path = new java.util.ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            path.push(at);
        }
        StringBuilder key = new StringBuilder();
        for (JsonStreamContext at : path) {
            if (at.inArray()) {
                key.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
            } else if (at.getCurrentName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(at.getCurrentName());
            }
        }
        return key.toString();
    }

    private static String leaf(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** A {@code ${VAR}} without a default whose variable is not set. */
    static final class UnsetVariableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String key;
        final int line;

        UnsetVariableException(String variable, String key, int line) {
            super("environment variable " + variable + " is not set: export it, or give a default as ${" + variable
                    + ":-default}");
            this.key = key;
            this.line = line;
        }
    }
}
