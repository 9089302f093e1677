package io.dharma.notifier.target;

/** How one call to a target went: a 2xx, or a status or error to log and retry. */
public record SendResult(boolean delivered, Integer statusCode, String error) {

    public static SendResult of(int statusCode, String body) {
        boolean ok = statusCode >= 200 && statusCode < 300;
        return new SendResult(ok, statusCode, ok ? null : "HTTP " + statusCode + (body == null || body.isBlank() ? ""
                : ": " + abbreviate(body)));
    }

    /** Nothing to send for this event at this target (counts as delivered). */
    public static SendResult skipped() {
        return new SendResult(true, null, null);
    }

    public static SendResult failed(String error) {
        return new SendResult(false, null, abbreviate(error));
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
