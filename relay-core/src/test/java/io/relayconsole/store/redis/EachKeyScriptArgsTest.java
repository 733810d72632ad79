package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.protocol.CommandArgs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EachKeyScriptArgsTest {
    private static final byte[] SCRIPT = bytes("return #KEYS");
    private static final byte[] PREFIX = bytes("p:big_segment_include:");

    @Test
    void encodesExactlyWhatLettucesOwnArgumentsWould() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            hashes.add("hash-" + i + "x".repeat(i * 10)); // key lengths of one to three digits
        }
        hashes.add("ünïcødé-€"); // not base64: written as UTF-8, its length counted in bytes
        hashes.add("");

        assertThat(encoded(new EachKeyScriptArgs(SCRIPT, PREFIX, hashes, bytes("SADD"), bytes("seg.g1"))))
                .isEqualTo(encoded(lettuceArgs(hashes)));
        assertThat(new EachKeyScriptArgs(SCRIPT, PREFIX, hashes, bytes("SADD"), bytes("seg.g1")).count())
                .isEqualTo(lettuceArgs(hashes).count());
    }

    private static CommandArgs<String, byte[]> lettuceArgs(List<String> hashes) {
        CommandArgs<String, byte[]> args = new CommandArgs<>(LettuceSettings.CODEC).add(SCRIPT).add(hashes.size());
        hashes.forEach(hash -> args.add(bytes(new String(PREFIX, StandardCharsets.UTF_8) + hash)));
        return args.add(bytes("SADD")).add(bytes("seg.g1"));
    }

    private static String encoded(CommandArgs<String, byte[]> args) {
        ByteBuf buf = Unpooled.buffer();
        args.encode(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
