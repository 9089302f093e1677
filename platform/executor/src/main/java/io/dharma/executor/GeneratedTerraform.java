package io.dharma.executor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Terraform the generator published for a blueprint version ({@code IacGenerated}), as an
 * executor that runs Terraform needs it.
 *
 * @param files every generated file, paths relative to the configuration root, unchanged
 * @param resourceNames per Terraform resource address (without a count or for_each index), the
 *        blueprint resource it realises
 */
public record GeneratedTerraform(String contentHash, List<File> files, Map<String, String> resourceNames) {

    public GeneratedTerraform {
        Objects.requireNonNull(contentHash, "contentHash");
        files = List.copyOf(files);
        resourceNames = Map.copyOf(resourceNames);
    }

    /** One generated file. */
    public record File(String path, String content) {

        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * The blueprint resource an address belongs to: {@code aws_instance.web[1]} and
     * {@code aws_vpc_security_group_ingress_rule.fw["tcp-80"]} are looked up without their index.
     */
    public Optional<String> resourceNameOf(String address) {
        int index = address.indexOf('[');
        return Optional.ofNullable(resourceNames.get(index < 0 ? address : address.substring(0, index)));
    }
}
