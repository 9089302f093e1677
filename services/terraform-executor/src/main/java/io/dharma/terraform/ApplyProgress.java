package io.dharma.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code terraform apply -json}'s machine-readable output: which resources completed (in
 * order, with the cloud id Terraform reports), which failed, and the error diagnostics with the
 * address they name.
 */
final class ApplyProgress implements Consumer<String> {

    private static final Logger log = LoggerFactory.getLogger(ApplyProgress.class);

    /** A resource Terraform finished changing. */
    record Completed(String address, String idValue) {
    }

    /** An error Terraform reported, with the resource it names when it names one. */
    record Diagnostic(String address, String summary, String detail) {

        String message() {
            String text = detail == null || detail.isBlank() ? summary : summary + ": " + detail;
            return address == null ? text : address + ": " + text;
        }
    }

    private final String stackName;
    private final List<Completed> completed = new ArrayList<>();
    private final List<String> errored = new ArrayList<>();
    private final List<Diagnostic> errors = new ArrayList<>();

    ApplyProgress(String stackName) {
        this.stackName = stackName;
    }

    @Override
    public synchronized void accept(String line) {
        JsonNode message;
        try {
            message = TerraformJson.JSON.readTree(line);
        } catch (JacksonException e) {
            return;   // not a JSON line (a crash message, say): it is in the collected output
        }
        JsonNode hook = message.path("hook");
        String address = hook.path("resource").path("addr").asString(null);
        switch (message.path("type").asString("")) {
            case "apply_complete" -> {
                completed.add(new Completed(address, hook.path("id_value").asString(null)));
                log.info("Stack {}: {} {} complete", stackName, hook.path("action").asString(), address);
            }
            case "apply_errored" -> errored.add(address);
            case "diagnostic" -> {
                JsonNode diagnostic = message.path("diagnostic");
                if ("error".equals(diagnostic.path("severity").asString())) {
                    errors.add(new Diagnostic(diagnostic.path("address").asString(null),
                            diagnostic.path("summary").asString(""), diagnostic.path("detail").asString("")));
                }
            }
            default -> { }
        }
    }

    synchronized List<Completed> completed() {
        return List.copyOf(completed);
    }

    /** The first resource that failed, or null. */
    synchronized String firstErrored() {
        return errored.isEmpty() ? null : errored.getFirst();
    }

    synchronized List<Diagnostic> errors() {
        return List.copyOf(errors);
    }
}
