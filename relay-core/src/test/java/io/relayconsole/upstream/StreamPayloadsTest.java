package io.relayconsole.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.MalformedDataException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamPayloadsTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putKeepsItemBytesExactlyAndAcceptsAMissingPath() throws Exception {
        String flag = "{\"key\":\"f\", \"version\":3,\"unknownField\":{\"x\":[1, 2]}}";
        FullDataSet data = StreamPayloads.parsePut(bytes("{\"data\":{\"flags\":{\"f\":" + flag + "},\"segments\":{}}}"));

        assertThat(data.flags().get("f").jsonString()).isEqualTo(flag);
        assertThat(data.flags().get("f").version()).isEqualTo(3);
    }

    @Test
    void patchMayCarryDataBeforePath() throws Exception {
        StreamPayloads.KindItem item = StreamPayloads.parsePatch(
                bytes("{\"data\":{\"key\":\"s\",\"version\":2},\"path\":\"/segments/s\"}"));

        assertThat(item.kind()).isEqualTo(DataKind.SEGMENTS);
        assertThat(item.item().jsonString()).isEqualTo("{\"key\":\"s\",\"version\":2}");
    }

    @Test
    void deleteBecomesATombstone() throws Exception {
        StreamPayloads.KindItem item = StreamPayloads.parseDelete(bytes("{\"path\":\"/flags/f\",\"version\":7}"));

        assertThat(item.item().deleted()).isTrue();
        assertThat(item.item().version()).isEqualTo(7);
        assertThat(item.item().key()).isEqualTo("f");
    }

    @Test
    void unusableEventsAreMalformedWithAClearReason() {
        assertReason(() -> StreamPayloads.parsePut(bytes("{\"path\":\"/\"}")), "no \"data\"");
        assertReason(() -> StreamPayloads.parsePut(bytes("{\"path\":\"/flags\",\"data\":{}}")), "unknown path \"/flags\"");
        assertReason(() -> StreamPayloads.parsePut(bytes("[]")), "event data is not a JSON object");
        assertReason(() -> StreamPayloads.parsePatch(bytes("{\"path\":\"/flags/f\",\"data\":{\"key\":\"f\"}}")),
                "item \"f\" has no version");
        assertReason(() -> StreamPayloads.parsePatch(bytes("{\"path\":\"/flags/f\",\"data\":{\"version\":1}}")),
                "item \"f\" has no key");
        assertReason(() -> StreamPayloads.parsePatch(bytes("{\"path\":\"/flags/f\",\"data\":{\"key\":\"g\",\"version\":1}}")),
                "item key \"g\" does not match \"f\"");
        assertReason(() -> StreamPayloads.parsePatch(bytes("{\"path\":\"/flags/f\",\"data\":7}")),
                "\"data\" is not an object");
        assertReason(() -> StreamPayloads.parseDelete(bytes("{\"path\":\"/other/f\",\"version\":1}")),
                "unknown path \"/other/f\"");
        assertReason(() -> StreamPayloads.parseDelete(bytes("{\"path\":\"/flags/f\",\"version\":\"1\"}")),
                "\"version\" is not an integer");
        assertThatThrownBy(() -> StreamPayloads.parseDelete(bytes("{\"path\":")))
                .isInstanceOf(MalformedDataException.class).hasMessageStartingWith("invalid JSON");
    }

    private static void assertReason(ThrowingCall call, String reason) {
        assertThatThrownBy(call::run).isInstanceOf(MalformedDataException.class).hasMessage(reason);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }
}
