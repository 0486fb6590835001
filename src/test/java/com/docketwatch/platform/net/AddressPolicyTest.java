package com.docketwatch.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    @Test
    void aRefusedHostIsNamedButNotTheInternalAddressItResolvesTo() {
        AddressPolicy policy = new AddressPolicy(List.of());
        assertThat(policy.refuse("https://localhost:8443/hook"))
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("private, loopback or link-local")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain("0:0:0:0:0:0:0:1"));
    }

    @Test
    void anAllowListedHostIsAccepted() {
        assertThat(new AddressPolicy(List.of("localhost")).refuse("http://localhost:8443/hook"))
                .isEmpty();
    }
}
