/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runbook as a list of blocks, written out as Markdown or as a standalone HTML page. Text is plain except for
 * {@code `code`} spans; nothing in it is read as markup, so a URI or a message cannot break the page.
 */
final class RunbookDocument {

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");

    /** One block, able to write itself in both formats. */
    private interface Block {
        void markdown(StringBuilder out);

        void html(StringBuilder out);
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    RunbookDocument(String title) {
        this.title = title;
    }

    RunbookDocument heading(String text) {
        blocks.add(new Block() {
            @Override
            public void markdown(StringBuilder out) {
                out.append("## ").append(text).append('\n');
            }

            @Override
            public void html(StringBuilder out) {
                out.append("<h2>").append(inline(text)).append("</h2>\n");
            }
        });
        return this;
    }

    RunbookDocument paragraph(String text) {
        blocks.add(new Block() {
            @Override
            public void markdown(StringBuilder out) {
                out.append(text).append('\n');
            }

            @Override
            public void html(StringBuilder out) {
                out.append("<p>").append(inline(text)).append("</p>\n");
            }
        });
        return this;
    }

    RunbookDocument bullets(List<String> items) {
        if (items.isEmpty()) {
            return this;
        }
        blocks.add(new Block() {
            @Override
            public void markdown(StringBuilder out) {
                items.forEach(item -> out.append("- ").append(item).append('\n'));
            }

            @Override
            public void html(StringBuilder out) {
                out.append("<ul>\n");
                items.forEach(item -> out.append("<li>").append(inline(item)).append("</li>\n"));
                out.append("</ul>\n");
            }
        });
        return this;
    }

    RunbookDocument table(List<String> header, List<List<String>> rows) {
        blocks.add(new Block() {
            @Override
            public void markdown(StringBuilder out) {
                out.append(row(header)).append(row(header.stream().map(cell -> "---").toList()));
                rows.forEach(cells -> out.append(row(cells)));
            }

            @Override
            public void html(StringBuilder out) {
                out.append("<table>\n<tr>");
                header.forEach(cell -> out.append("<th>").append(inline(cell)).append("</th>"));
                out.append("</tr>\n");
                for (List<String> cells : rows) {
                    out.append("<tr>");
                    cells.forEach(cell -> out.append("<td>").append(inline(cell)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</table>\n");
            }
        });
        return this;
    }

    /** A shell snippet, printed exactly as given, to copy and paste. */
    RunbookDocument code(String text) {
        String snippet = text.strip();
        blocks.add(new Block() {
            @Override
            public void markdown(StringBuilder out) {
                out.append("```sh\n").append(snippet).append("\n```\n");
            }

            @Override
            public void html(StringBuilder out) {
                out.append("<pre><code>").append(escape(snippet)).append("</code></pre>\n");
            }
        });
        return this;
    }

    /** GitHub-flavoured Markdown. */
    String markdown() {
        StringBuilder out = new StringBuilder("# ").append(title).append('\n');
        for (Block block : blocks) {
            out.append('\n');
            block.markdown(out);
        }
        return out.toString();
    }

    /** A standalone HTML page. */
    String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>").append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:60em;"
                + "margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #999;"
                + "padding:.3em .6em;text-align:left}pre{background:#f4f4f4;padding:.8em;overflow-x:auto}</style>\n"
                + "</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        blocks.forEach(block -> block.html(out));
        return out.append("</body>\n</html>\n").toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|").replace("\n", " "))
                .toList()) + " |\n";
    }

    /** Escapes text and turns {@code `x`} into {@code <code>x</code>}. */
    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = CODE_SPAN.matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(last, matcher.start()))).append("<code>").append(escape(matcher.group(1)))
                    .append("</code>");
            last = matcher.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
