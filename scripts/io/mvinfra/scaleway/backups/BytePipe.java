package io.mvinfra.scaleway.backups;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A bounded in-memory pipe between one writer and one reader, whatever threads they run on. The JDK's piped streams
 * fail with "Read end dead" when the thread that last read has ended, which an S3 client reading parts from a pool
 * does; this one only blocks: the writer while the buffer is full, the reader while it is empty. The writer's close
 * is the reader's end of stream; the reader's close makes the next write fail, so neither side waits forever.
 */
final class BytePipe {

    private final byte[] buffer;
    private int start;
    private int count;
    private boolean writerClosed;
    private boolean readerClosed;

    BytePipe(int capacity) {
        this.buffer = new byte[capacity];
    }

    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return take(b, off, len);
        }

        @Override
        public void close() {
            closeReader();
        }
    };

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            put(b, off, len);
        }

        @Override
        public void close() {
            closeWriter();
        }
    };

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (count == 0) {
            if (writerClosed || readerClosed) {
                return -1;
            }
            await();
        }
        int n = Math.min(len, Math.min(count, buffer.length - start));
        System.arraycopy(buffer, start, b, off, n);
        start = (start + n) % buffer.length;
        count -= n;
        notifyAll();
        return n;
    }

    private synchronized void put(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            while (count == buffer.length && !readerClosed) {
                await();
            }
            if (readerClosed) {
                throw new IOException("the reading side of the pipe is closed");
            }
            int end = (start + count) % buffer.length;
            int n = Math.min(len, Math.min(buffer.length - count, buffer.length - end));
            System.arraycopy(b, off, buffer, end, n);
            count += n;
            off += n;
            len -= n;
            notifyAll();
        }
    }

    private synchronized void closeReader() {
        readerClosed = true;
        notifyAll();
    }

    private synchronized void closeWriter() {
        writerClosed = true;
        notifyAll();
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while streaming through the pipe");
        }
    }
}
