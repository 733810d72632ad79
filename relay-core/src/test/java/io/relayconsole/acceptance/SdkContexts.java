package io.relayconsole.acceptance;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A spread of contexts: attributes the sample rules look at, several kinds, and many keys for rollouts. The
 * second group gives every target, rule, segment and prerequisite of the simulator's sample flags a context
 * that it matches (or that an exclusion or a negated clause turns away).
 */
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
        addSampleRuleMatches(contexts);
        for (int i = 0; i < 40; i++) {
            contexts.add(LDContext.builder("user-" + i).set("country", i % 2 == 0 ? "US" : "GB").build());
        }
        return contexts;
    }

    private static void addSampleRuleMatches(List<LDContext> contexts) {
        ContextKind organization = ContextKind.of("organization");
        ContextKind device = ContextKind.of("device");
        contexts.add(LDContext.create("user-alice")); // new-checkout's target, so new-dashboard's prerequisite holds
        contexts.add(LDContext.builder("user-bob").set("email", "bob@example.org").build()); // beta-testers by key
        contexts.add(LDContext.builder("user-carol").set("email", "carol@beta.example.com").build()); // excluded
        contexts.add(LDContext.builder("erin").set("email", "erin@beta.example.com").build()); // beta-testers rule
        contexts.add(LDContext.builder("frank").set("email", "frank@relayconsole.io").build()); // staff rule
        contexts.add(LDContext.builder("user-intern").set("email", "intern@relayconsole.io").build()); // excluded
        contexts.add(LDContext.create("qa-runner")); // internal-tools' key prefix
        contexts.add(LDContext.builder("gerd").set("country", "de").build()); // banner-text: Willkommen
        contexts.add(LDContext.builder("hugo").set("country", "be").build()); // banner-text: Bienvenue
        contexts.add(LDContext.builder("ivy").set("email", "ivy@partner.io").build()); // api-rate-limit regex
        contexts.add(LDContext.builder("jan").set("accountAgeDays", 12).build()); // api-rate-limit lessThan
        contexts.add(LDContext.builder("anon-visitor-7").anonymous(true).set("country", "fr").build());
        contexts.add(LDContext.create(organization, "org-acme")); // enterprise-orgs by key
        contexts.add(LDContext.builder(organization, "org-hooli").set("tier", "enterprise").build()); // by rule
        contexts.add(LDContext.builder(organization, "org-pied").set("tier", "pro").build()); // pricing pro tier
        contexts.add(LDContext.create(organization, "org-initech")); // beta-testers by context key
        contexts.add(LDContext.builder(device, "phone-1").set("platform", "ios").set("model", "iPhone 15").build());
        contexts.add(LDContext.builder(device, "tablet-1").set("platform", "android").set("model", "Galaxy Tablet")
                .build()); // mobile-onboarding's negated clause turns it away
        contexts.add(LDContext.create(device, "device-test-rig")); // new-checkout's device target
        contexts.add(LDContext.createMulti(LDContext.builder("kim").set("email", "kim@example.com").build(),
                LDContext.create(organization, "org-globex")));
    }
}
