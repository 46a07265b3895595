package dev.daprliberty.bootstrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a command line the way bash would (words, '…', "…" without expansion, backslash escapes) and splits a
 * pipeline at its unquoted "|": how the tests turn a printed plan back into the argument lists it stands for.
 */
final class ShellWords {

    private ShellWords() {
    }

    static List<List<String>> pipeline(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> command = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated " + c + " in: " + line);
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    command.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '|' && !inWord) {
                commands.add(command);
                command = new ArrayList<>();
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            command.add(word.toString());
        }
        commands.add(command);
        return commands;
    }
}
