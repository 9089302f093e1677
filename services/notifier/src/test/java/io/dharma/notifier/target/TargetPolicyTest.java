package io.dharma.notifier.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.notifier.NotifierProperties;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(new NotifierProperties.Targets(false, false, List.of(), List.of()));
    private final TargetPolicy local = new TargetPolicy(new NotifierProperties.Targets(true, false, List.of(), List.of()));

    @Test
    void refusesMetadataLinkLocalLoopbackAndPrivateAddressesByDefault() {
        assertThat(strict.refusal(URI.create("http://169.254.169.254/latest/meta-data/"))).get().asString().contains("link-local");
        assertThat(strict.refusal(URI.create("http://127.0.0.1:8080/hook"))).get().asString().contains("loopback");
        assertThat(strict.refusal(URI.create("http://[::1]/hook"))).get().asString().contains("loopback");
        assertThat(strict.refusal(URI.create("https://10.1.2.3/hook"))).get().asString().contains("private");
        assertThat(strict.refusal(URI.create("https://192.168.0.10/hook"))).get().asString().contains("private");
        assertThat(strict.refusal(URI.create("http://0.0.0.0/hook"))).isPresent();
        assertThat(strict.refusal(URI.create("https://93.184.215.14/hook"))).isEmpty();
    }

    @Test
    void refusesOtherSchemesAndCredentialsInTheUrl() {
        assertThat(strict.refusal(URI.create("file:///etc/passwd"))).get().asString().contains("http");
        assertThat(strict.refusal(URI.create("https://user:pw@93.184.215.14/"))).get().asString().contains("credentials");
    }

    @Test
    void loopbackIsAllowedOnlyWhenConfiguredAndMetadataNever() {
        assertThat(local.refusal(URI.create("http://127.0.0.1:8080/hook"))).isEmpty();
        assertThat(local.refusal(URI.create("http://169.254.169.254/"))).isPresent();
        assertThat(local.refusal(URI.create("https://10.1.2.3/hook"))).isPresent();
    }
}
