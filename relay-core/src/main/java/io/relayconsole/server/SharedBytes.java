package io.relayconsole.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * Bytes encoded once and written to any number of channels. They live in one off-heap buffer, so the
 * socket writes of every connection read the same memory (no per-client copy, not even into a direct
 * buffer); the garbage collector frees it once the last pending write has let go of it.
 */
final class SharedBytes {
    private final ByteBuffer buffer;

    private SharedBytes(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    static SharedBytes of(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        return new SharedBytes(direct);
    }

    int length() {
        return buffer.remaining();
    }

    /** A new view for one write; its reference count is independent of every other view. */
    ByteBuf view() {
        return Unpooled.wrappedBuffer(buffer.duplicate());
    }

    byte[] toArray() {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
