package io.relayconsole.acceptance;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import java.util.ArrayList;
import java.util.List;

/** A spread of contexts: attributes the sample rules look at, several kinds, and many keys for rollouts. */
final class SdkContexts {
    private SdkContexts() {
    }

    static List<LDContext> all() {
        List<LDContext> contexts = new ArrayList<>();
        contexts.add(LDContext.create("anonymous-visitor"));
        contexts.add(LDContext.builder("alice").name("Alice").set("email", "alice@example.com")
                .set("country", "DE").set("plan", "enterprise").set("beta", true).set("age", 34)
                .set("appVersion", "2.4.1").build());
        contexts.add(LDContext.builder("bob").set("email", "bob@test.org").set("country", "US")
                .set("plan", "free").set("beta", false).set("age", 17).set("appVersion", "1.9.0").build());
        contexts.add(LDContext.builder("carol").set("email", "carol@internal.example.com").set("country", "FR")
                .set("plan", "pro").set("groups", LDValue.buildArray().add("beta-testers").add("staff").build())
                .build());
        contexts.add(LDContext.createMulti(
                LDContext.builder("dave").set("email", "dave@example.com").build(),
                LDContext.builder(com.launchdarkly.sdk.ContextKind.of("organization"), "acme")
                        .set("tier", "gold").set("region", "eu").build()));
        contexts.add(LDContext.builder(com.launchdarkly.sdk.ContextKind.of("organization"), "globex")
                .set("tier", "silver").build());
        contexts.add(LDContext.builder(com.launchdarkly.sdk.ContextKind.of("device"), "device-42")
                .set("os", "android").build());
        for (int i = 0; i < 40; i++) {
            contexts.add(LDContext.builder("user-" + i).set("country", i % 2 == 0 ? "US" : "GB").build());
        }
        return contexts;
    }
}
