package io.mvinfra.host.handoff;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;

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
            frame(EXIT, new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code}, 0, 4);
        }

        void signal(byte type) throws IOException {
            frame(type, new byte[0], 0, 0);
        }
    }

    /** One frame read: its type and bytes; null at the end of the stream. */
    record Frame(byte type, byte[] bytes) {
        int code() {
            return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
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
    static final class Stream extends OutputStream {
        private final Writer frames;
        private final byte type;
        private byte[] buffer = new byte[8192];
        private int count;

        Stream(Writer frames, byte type) {
            this.frames = frames;
            this.type = type;
        }

        @Override
        public synchronized void write(int b) {
            ensure(1);
            buffer[count++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buffer, count, len);
            count += len;
        }

        @Override
        public synchronized void flush() throws IOException {
            if (count > 0) {
                frames.frame(type, buffer, 0, count);
                count = 0;
            }
        }

        private void ensure(int more) {
            if (count + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + more));
            }
        }
    }
}
