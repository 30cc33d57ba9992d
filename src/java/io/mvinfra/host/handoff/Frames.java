package io.mvinfra.host.handoff;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The hand-off's reply, a stream of frames so the caller prints a long press's progress as it comes: one type byte,
 * a length, that many bytes. {@link #OUT} and {@link #ERR} carry the command's output, {@link #ALIVE} says the command
 * still runs, {@link #EXIT} ends with its exit code, {@link #RUN_HERE} asks the caller to run the command itself
 * (it needs the caller's terminal, or the serve is not the host the caller means).
 */
final class Frames {
    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte ALIVE = 'k';
    static final byte EXIT = 'x';
    static final byte RUN_HERE = 'l';

    private Frames() {
    }

    /** Writes whole frames, one at a time, from any thread. */
    static final class Writer {
        private final DataOutputStream out;

        Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        synchronized void frame(byte type, byte[] bytes, int offset, int length) throws IOException {
            out.writeByte(type);
            out.writeInt(length);
            out.write(bytes, offset, length);
            out.flush();
        }

        void exit(int code) throws IOException {
            frame(EXIT, ByteBuffer.allocate(Integer.BYTES).putInt(code).array(), 0, Integer.BYTES);
        }

        void signal(byte type) throws IOException {
            frame(type, new byte[0], 0, 0);
        }
    }

    /** One frame read: its type and bytes; null at the end of the stream. */
    record Frame(byte type, byte[] bytes) {
        int code() {
            return ByteBuffer.wrap(bytes).getInt();
        }

        static Frame read(DataInputStream in) throws IOException {
            byte type;
            try {
                type = in.readByte();
            } catch (EOFException e) {
                return null;
            }
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new Frame(type, bytes);
        }
    }

    /** The bytes a command writes to one of its streams, sent as a frame at each flush. */
    static final class Stream extends ByteArrayOutputStream {
        private final Writer frames;
        private final byte type;

        Stream(Writer frames, byte type) {
            super(8192);
            this.frames = frames;
            this.type = type;
        }

        @Override
        public synchronized void flush() throws IOException {
            if (count > 0) {
                frames.frame(type, buf, 0, count);
                reset();
            }
        }
    }
}
