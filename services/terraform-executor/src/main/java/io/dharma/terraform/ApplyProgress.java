package io.dharma.terraform;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code terraform apply -json}: which resources completed (in order, with the cloud id
 * Terraform reports) and which failed.
 */
final class ApplyProgress extends TerraformMessages {

    private static final Logger log = LoggerFactory.getLogger(ApplyProgress.class);

    /** A resource Terraform finished changing. */
    record Completed(String address, String idValue) {
    }

    private final String stackName;
    private final List<Completed> completed = new ArrayList<>();
    private final List<String> errored = new ArrayList<>();

    ApplyProgress(String stackName) {
        this.stackName = stackName;
    }

    @Override
    protected void onMessage(String type, JsonNode message) {
        JsonNode hook = message.path("hook");
        String address = hook.path("resource").path("addr").asString(null);
        switch (type) {
            case "apply_complete" -> {
                completed.add(new Completed(address, hook.path("id_value").asString(null)));
                log.info("Stack {}: {} {} complete", stackName, hook.path("action").asString(), address);
            }
            case "apply_errored" -> errored.add(address);
            default -> { }
        }
    }

    synchronized List<Completed> completed() {
        return List.copyOf(completed);
    }

    /** The first resource that failed, or else the first one an error diagnostic names, or null. */
    synchronized String firstFailedAddress() {
        return errored.isEmpty()
                ? errors().stream().map(Diagnostic::address).filter(a -> a != null).findFirst().orElse(null)
                : errored.getFirst();
    }
}
