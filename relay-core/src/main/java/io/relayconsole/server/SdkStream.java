package io.relayconsole.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.relayconsole.serving.SdkConnection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SDK's open stream. Everything that writes to it runs on the channel's own event loop, so events keep
 * their order and no lock is needed. Events that arrive before the initial {@code put} is written wait in a
 * backlog and follow it, so nothing that changed while the store was being read is lost.
 */
final class SdkStream {
    private static final Logger LOG = LoggerFactory.getLogger(SdkStream.class);

    private final Channel channel;
    private final StreamKind kind;
    private final long maxPendingBytes;
    private final ArrayDeque<ByteBuf> backlog = new ArrayDeque<>();
    private long backlogBytes;
    private boolean started;
    private long pendingLimit;
    private volatile SdkConnection connection;
    private ScheduledFuture<?> ageLimit;

    SdkStream(Channel channel, StreamKind kind, long maxPendingBytes) {
        this.channel = channel;
        this.kind = kind;
        this.maxPendingBytes = maxPendingBytes;
        this.pendingLimit = maxPendingBytes;
    }

    StreamKind kind() {
        return kind;
    }

    Channel channel() {
        return channel;
    }

    SdkConnection connection() {
        return connection;
    }

    /**
     * Writes the response head and the initial put (null when the store has nothing yet), then whatever
     * arrived meanwhile. Any thread.
     */
    void start(HttpResponse head, SharedBytes initialPut, SdkConnection registered, Duration maxAge) {
        this.connection = registered;
        runOnLoop(() -> {
            if (!channel.isActive()) {
                return;
            }
            channel.write(head);
            if (initialPut != null) {
                pendingLimit = maxPendingBytes + initialPut.length();
                writeEvent(initialPut.view(), true);
            }
            started = true;
            while (!backlog.isEmpty() && channel.isActive()) {
                writeEvent(backlog.poll(), true);
            }
            backlogBytes = 0;
            channel.flush();
            if (maxAge != null && maxAge.toMillis() > 0) {
                ageLimit = channel.eventLoop().schedule(() -> {
                    LOG.debug("Closing SDK stream {} after maxClientConnectionTime ({})", describe(), maxAge);
                    endGracefully();
                }, maxAge.toMillis(), TimeUnit.MILLISECONDS);
            }
        }, null);
    }

    /** Takes ownership of {@code event} (one frame, or a heartbeat) and writes it in order. Any thread. */
    void deliver(ByteBuf event, boolean countsAsEvent) {
        runOnLoop(() -> deliverOnLoop(event, countsAsEvent), event);
    }

    /** {@link #deliver} for a caller already on this stream's event loop (a broadcast grouped per loop). */
    void deliverOnLoop(ByteBuf event, boolean countsAsEvent) {
        if (!channel.isActive()) {
            event.release();
        } else if (!started) {
            if (!countsAsEvent) {
                event.release(); // heartbeats before the stream starts carry nothing
                return;
            }
            backlog.add(event);
            backlogBytes += event.readableBytes();
            if (backlogBytes > maxPendingBytes) {
                dropSlowConsumer(backlogBytes);
            }
        } else {
            writeEvent(event, countsAsEvent);
            channel.flush();
        }
    }

    /** Finishes the chunked response so the SDK sees a clean end, then closes. Any thread. */
    void endGracefully() {
        runOnLoop(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
            }
        }, null);
    }

    /** Releases what this stream still holds; on the event loop, when the channel has closed. */
    void closed() {
        runOnLoop(() -> {
            if (ageLimit != null) {
                ageLimit.cancel(false);
            }
            while (!backlog.isEmpty()) {
                backlog.poll().release();
            }
        }, null);
    }

    private void writeEvent(ByteBuf event, boolean countsAsEvent) {
        long pending = pendingBytes();
        if (pending > pendingLimit) {
            event.release();
            dropSlowConsumer(pending);
            return;
        }
        int length = event.readableBytes();
        channel.write(new DefaultHttpContent(event), channel.voidPromise());
        SdkConnection c = connection;
        if (c != null) {
            c.recordSent(length, countsAsEvent);
        }
    }

    private long pendingBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    private void dropSlowConsumer(long pending) {
        LOG.warn("Dropping slow SDK stream {}: {} bytes not yet read by the client (limit {})", describe(), pending,
                pendingLimit);
        channel.close();
    }

    private String describe() {
        SdkConnection c = connection;
        return (c != null ? "#" + c.id() + " " : "") + kind.name().toLowerCase(java.util.Locale.ROOT) + " from " + channel.remoteAddress();
    }

    private void runOnLoop(Runnable task, ByteBuf owned) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            ReferenceCountUtil.release(owned); // shutting down: the event has nowhere to go
        }
    }
}
