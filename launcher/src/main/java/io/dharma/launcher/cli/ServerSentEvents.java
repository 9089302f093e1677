package io.dharma.launcher.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Parses a text/event-stream body line by line (WHATWG HTML "server-sent events": {@code event:},
 * {@code id:}, {@code data:} lines, a blank line ends an event, {@code :} starts a comment).
 * Hand-written because the JDK has no SSE client and the format is a dozen lines.
 */
final class ServerSentEvents {

    record Event(String name, String id, String data) {
    }

    private ServerSentEvents() {
    }

    /**
     * Hands each event to {@code handler} as it completes, until the handler returns false or the
     * stream ends.
     */
    static void read(Iterator<String> lines, Predicate<Event> handler) {
        String name = null;
        String id = null;
        List<String> data = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!data.isEmpty() || name != null) {
                    if (!handler.test(new Event(name == null ? "message" : name, id, String.join("\n", data)))) {
                        return;
                    }
                }
                name = null;
                data.clear();
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data.add(value);
                default -> {
                    // retry and unknown fields: not needed here
                }
            }
        }
    }
}
