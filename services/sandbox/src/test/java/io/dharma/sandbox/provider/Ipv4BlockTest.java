package io.dharma.sandbox.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4BlockTest {

    @Test
    void hostsStayInsideTheBlockAndSkipReservedAddresses() {
        Ipv4Block block = Ipv4Block.parse("10.20.11.0/24");

        for (int seed = 0; seed < 600; seed++) {
            for (String host : block.hosts(seed, 3)) {
                int last = Integer.parseInt(host.substring("10.20.11.".length()));
                assertThat(host).startsWith("10.20.11.");
                assertThat(last).isBetween(4, 254);
            }
        }
        assertThat(block.hosts(0, 2)).containsExactly("10.20.11.4", "10.20.11.5");
        assertThat(block.address(1)).isEqualTo("10.20.11.1");
    }

    @Test
    void theNetworkAddressIsMaskedAndLargeBlocksWork() {
        assertThat(Ipv4Block.parse("10.60.7.9/20").address(0)).isEqualTo("10.60.0.0");
        assertThat(Ipv4Block.parse("172.16.0.0/12").hosts(70_000, 1)).containsExactly("172.17.17.116");
        assertThatThrownBy(() -> Ipv4Block.parse("2001:db8::/32")).isInstanceOf(IllegalArgumentException.class);
    }
}
