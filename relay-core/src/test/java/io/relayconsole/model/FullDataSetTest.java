package io.relayconsole.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FullDataSetTest {

    private static Item flag(String key, long version) {
        return Item.of(key, version, false,
                ("{\"key\":\"" + key + "\",\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static FullDataSet threeFlags() {
        Map<String, Item> flags = new LinkedHashMap<>();
        flags.put("b", flag("b", 1));
        flags.put("a", flag("a", 1));
        flags.put("c", flag("c", 1));
        return FullDataSet.of(flags, Map.of());
    }

    @Test
    void aPatchLeavesTheOriginalAsItWasAndKeepsThePayloadsOrder() {
        FullDataSet original = threeFlags();

        FullDataSet patched = original.with(DataKind.FEATURES, flag("a", 2)).with(DataKind.FEATURES, flag("d", 1));

        assertThat(original.flags().get("a").version()).isEqualTo(1);
        assertThat(original.flags()).containsOnlyKeys("a", "b", "c");
        assertThat(patched.flags().keySet()).containsExactly("b", "a", "c", "d");
        assertThat(patched.flags().get("a").version()).isEqualTo(2);
        assertThat(patched.segments()).isSameAs(original.segments());
    }

    @Test
    void manyPatchesInARowStayCorrectAndUnmodifiable() {
        FullDataSet data = threeFlags();
        for (int v = 2; v <= 500; v++) {
            data = data.with(DataKind.FEATURES, flag("k" + (v % 50), v));
        }
        assertThat(data.flags()).hasSize(53);
        assertThat(data.flags().get("k0").version()).isEqualTo(500);
        assertThat(data.liveCount(DataKind.FEATURES)).isEqualTo(53);
        FullDataSet frozen = data;
        assertThatThrownBy(() -> frozen.flags().put("x", flag("x", 1))).isInstanceOf(UnsupportedOperationException.class);
    }
}
