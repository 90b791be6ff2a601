package io.plumeline.core.contracts;

import java.util.ArrayList;
import java.util.List;

/** The string literals of a Java source, comments left out, each with its line; enough Java to find them. */
final class JavaStringLiterals {

    record Literal(int line, String text) {
    }

    private JavaStringLiterals() {
    }

    static List<Literal> of(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(new Literal(line, source.substring(i + 3, end)));
                line += count(source, i, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int start = ++i;
                while (i < n && source.charAt(i) != c) i += source.charAt(i) == '\\' ? 2 : 1;
                if (c == '"') literals.add(new Literal(line, source.substring(start, Math.min(i, n))));
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) if (s.charAt(i) == '\n') lines++;
        return lines;
    }
}
