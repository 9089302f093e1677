package io.dharma.notifier.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsAsTheStandardWebhooksSpecificationsExample() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsAreDistinctAndUsable() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(WebhookSignature.sign(secret, "id", 1, "{}")).startsWith("v1,");
    }

    @Test
    void secretsDecryptOnlyOnTheirOwnSubscriptionAndUnderTheirKey() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretCipher cipher = SecretCipher.fromConfiguredKey(key);
        UUID subscription = UUID.randomUUID();
        byte[] stored = cipher.encrypt(subscription, "whsec_abc");
        assertThat(new String(stored)).doesNotContain("whsec_abc");
        assertThat(cipher.decrypt(subscription, stored)).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), stored)).isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> SecretCipher.fromConfiguredKey(Base64.getEncoder().encodeToString(otherKey))
                .decrypt(subscription, stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thereIsNoDefaultKey() {
        assertThatThrownBy(() -> SecretCipher.fromConfiguredKey(null)).hasMessageContaining("DHARMA_NOTIFIER_ENCRYPTION_KEY");
        assertThatThrownBy(() -> SecretCipher.fromConfiguredKey("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
