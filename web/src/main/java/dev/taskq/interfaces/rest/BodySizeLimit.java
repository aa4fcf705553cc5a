package dev.taskq.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413 ({@value #MAX_BATCH_BODY_BYTES} for a task
 * submission, which may be a batch: {@link TaskSubmissions}), whether or not they declare a length, so that an
 * over-large body is never read into memory whole.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {
    /** Room for the longest text allowed (10 000 characters) even when every character is JSON-escaped. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** A batch of {@value TaskSubmissions#MAX_TASKS} tasks of about 4 KiB each. */
    static final int MAX_BATCH_BODY_BYTES = 4 * 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        int limit = context.getType() == TaskSubmissions.class ? MAX_BATCH_BODY_BYTES : MAX_BODY_BYTES;
        String declared = context.getHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
            throw tooLarge(limit);
        }
        context.setInputStream(new LimitedStream(context.getInputStream(), limit));
        return context.proceed();
    }

    static WebApplicationException tooLarge(int limit) {
        return new WebApplicationException("The request body is larger than " + limit + " bytes.",
                Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static final class LimitedStream extends FilterInputStream {
        private final int limit;
        private long remaining;

        LimitedStream(InputStream in, int limit) {
            super(in);
            this.limit = limit;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) {
                throw tooLarge(limit);
            }
        }
    }
}
