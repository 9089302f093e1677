package io.dharma.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Terraform's machine-readable UI ({@code -json}: one JSON message per line), keeps the
 * error diagnostics and hands every other message to {@link #onMessage}. Lines that are not JSON
 * (a provider crash, say) are skipped here; they are in the run's collected output.
 */
abstract class TerraformMessages implements Consumer<String> {

    /** An error Terraform reported, with the resource it names when it names one. */
    record Diagnostic(String address, String summary, String detail) {

        String message() {
            String text = detail == null || detail.isBlank() ? summary : summary + ": " + detail;
            return address == null ? text : address + ": " + text;
        }
    }

    private final List<Diagnostic> errors = new ArrayList<>();

    @Override
    public final synchronized void accept(String line) {
        JsonNode message;
        try {
            message = TerraformJson.JSON.readTree(line);
        } catch (JacksonException e) {
            return;
        }
        String type = message.path("type").asString("");
        if ("diagnostic".equals(type)) {
            JsonNode diagnostic = message.path("diagnostic");
            if ("error".equals(diagnostic.path("severity").asString())) {
                errors.add(new Diagnostic(diagnostic.path("address").asString(null),
                        diagnostic.path("summary").asString(""), diagnostic.path("detail").asString("")));
            }
        } else {
            onMessage(type, message);
        }
    }

    /** Called under this object's lock, once per message other than a diagnostic. */
    protected abstract void onMessage(String type, JsonNode message);

    final synchronized List<Diagnostic> errors() {
        return List.copyOf(errors);
    }

    /** Terraform's error diagnostics, or the end of its output when it printed none. */
    final synchronized String errorText(TerraformRun.Result result) {
        return errors.isEmpty() ? TerraformExecutor.tail(result.output())
                : errors.stream().map(Diagnostic::message).collect(Collectors.joining("; "));
    }
}
