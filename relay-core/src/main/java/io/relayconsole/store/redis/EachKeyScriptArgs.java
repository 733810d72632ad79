package io.relayconsole.store.redis;

import io.lettuce.core.protocol.CommandArgs;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The arguments of one EVAL that runs a command on many keys ({@code script numkeys key… command member}), each key
 * being {@code keyPrefix + hash}, encoded once, by the caller's thread, into one array that lettuce copies into its
 * output buffer. A million-member sync has a million keys: one lettuce argument object each (and its encoding on the
 * event loop) cost the relay ~13 % more CPU and its sync ~15 % more time (bench/, 2026-12-02).
 */
final class EachKeyScriptArgs extends CommandArgs<String, byte[]> {
    private final int count;
    private final byte[] encoded;

    EachKeyScriptArgs(byte[] script, byte[] keyPrefix, List<String> hashes, byte[] command, byte[] member) {
        super(LettuceSettings.CODEC);
        this.count = 2 + hashes.size() + 2;
        // UTF-8 of an ASCII string (a base64 hash) is a plain copy of its bytes, checked by an intrinsic
        byte[][] hashBytes = new byte[hashes.size()][];
        int size = bulkSize(script.length) + bulkSize(decimalLength(hashes.size())) + bulkSize(command.length)
                + bulkSize(member.length);
        for (int i = 0; i < hashBytes.length; i++) {
            hashBytes[i] = hashes.get(i).getBytes(StandardCharsets.UTF_8);
            size += bulkSize(keyPrefix.length + hashBytes[i].length);
        }
        Writer out = new Writer(new byte[size]);
        out.bulk(script);
        out.header(decimalLength(hashes.size()));
        out.decimal(hashes.size());
        out.crlf();
        for (byte[] hash : hashBytes) {
            out.header(keyPrefix.length + hash.length);
            out.bytes(keyPrefix);
            out.bytes(hash);
            out.crlf();
        }
        out.bulk(command);
        out.bulk(member);
        this.encoded = out.array;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void encode(ByteBuf buf) {
        buf.writeBytes(encoded);
    }

    @Override
    public String toString() {
        return "EachKeyScriptArgs[" + (count - 4) + " keys]";
    }

    @Override
    public String toCommandString() {
        return toString();
    }

    /** {@code $length CRLF value CRLF}. */
    private static int bulkSize(int length) {
        return 1 + decimalLength(length) + 2 + length + 2;
    }

    private static int decimalLength(int value) {
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /** RESP bulk strings into an array sized beforehand. */
    private static final class Writer {
        private final byte[] array;
        private int at;

        Writer(byte[] array) {
            this.array = array;
        }

        void bulk(byte[] value) {
            header(value.length);
            bytes(value);
            crlf();
        }

        void header(int length) {
            array[at++] = '$';
            decimal(length);
            crlf();
        }

        void decimal(int value) {
            int end = at + decimalLength(value);
            for (int i = end - 1; i >= at; i--) {
                array[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            at = end;
        }

        void bytes(byte[] value) {
            System.arraycopy(value, 0, array, at, value.length);
            at += value.length;
        }

        void crlf() {
            array[at++] = '\r';
            array[at++] = '\n';
        }
    }
}
