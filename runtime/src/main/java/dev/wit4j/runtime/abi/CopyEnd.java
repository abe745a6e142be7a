package dev.wit4j.runtime.abi;

/**
 * One end of a stream or future in an instance's {@code handles} table (CanonicalABI.md "Stream
 * State" and "Future State": {@code CopyEnd} and its four subclasses): the readable or writable
 * end, what this end is doing ({@link State}) and the state both ends share ({@link Channel}).
 */
final class CopyEnd extends Waitable {

    /** {@code CopyState}. */
    enum State {
        IDLE,
        COPYING,
        CANCELLING_COPY,
        DONE
    }

    final Channel channel;
    final boolean readable;
    State state = State.IDLE;

    CopyEnd(Channel channel, boolean readable) {
        this.channel = channel;
        this.readable = readable;
    }

    boolean copying() {
        return state == State.COPYING || state == State.CANCELLING_COPY;
    }

    /** What this end is, as messages say it: {@code readable end of a stream<u8>}. */
    String describe() {
        return (readable ? "readable" : "writable") + " end of a " + channel.resourceType();
    }
}
