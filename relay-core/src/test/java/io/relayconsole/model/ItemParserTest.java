package io.relayconsole.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ItemParserTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheExactBytesOfEachItemIncludingUnknownFields() throws Exception {
        String flag = "{\"key\":\"f1\",\"version\":3,\"futureField\":{\"x\":[1,2.50,\"é\"]},\"on\":true}";
        String segment = "{ \"key\" : \"s1\", \"version\" : 7 }";
        String doc = "{\"flags\":{\"f1\":" + flag + "},\"segments\":{\"s1\":" + segment + "},\"other\":[1]}";

        FullDataSet data = ItemParser.parseDataSet(utf8(doc));

        Item f1 = data.flags().get("f1");
        assertThat(f1.version()).isEqualTo(3);
        assertThat(f1.deleted()).isFalse();
        assertThat(f1.jsonString()).isEqualTo(flag);
        assertThat(data.segments().get("s1").jsonString()).isEqualTo(segment);
    }

    @Test
    void readsTombstones() throws Exception {
        Item item = ItemParser.parseItem(utf8("{\"version\":4,\"deleted\":true}"), "gone");
        assertThat(item.key()).isEqualTo("gone");
        assertThat(item.deleted()).isTrue();
        assertThat(item.version()).isEqualTo(4);
    }

    @Test
    void rejectsItemsWithoutVersionOrKeyWithClearReasons() {
        assertThatThrownBy(() -> ItemParser.parseItem(utf8("{\"key\":\"a\"}"), "a"))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("\"a\" has no version");
        assertThatThrownBy(() -> ItemParser.parseItem(utf8("{\"version\":1}"), null))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("has no key");
        assertThatThrownBy(() -> ItemParser.parseItem(utf8("{\"key\":\"a\",\"version\":\"x\"}"), "a"))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("non-numeric version");
        assertThatThrownBy(() -> ItemParser.parseItem(utf8("{\"key\":\"b\",\"version\":1}"), "a"))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("does not match");
    }

    @Test
    void rejectsBrokenJson() {
        assertThatThrownBy(() -> ItemParser.parseDataSet(utf8("{\"flags\":{\"a\":{\"key\":")))
                .isInstanceOf(MalformedDataException.class).hasMessageStartingWith("invalid JSON");
        assertThatThrownBy(() -> ItemParser.parseDataSet(utf8("[]")))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ItemParser.parseDataSet(utf8("{\"flags\":[]}")))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("\"flags\" is not an object");
    }
}
