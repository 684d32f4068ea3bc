package org.bemgate.ieee20305.internal.client;

/**
 * An exchange with the server that gave no usable answer. The message names the request and says
 * what went wrong, for an operator.
 */
public final class SepException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind {
        /** No connection, or no answer in time. */
        UNREACHABLE,
        /** The TLS handshake failed: the server's certificate is not trusted, or ours was refused. */
        TLS,
        /** An HTTP status the step does not expect. */
        HTTP_STATUS,
        /** A body that is not the expected 2030.5 XML, or a missing Location. */
        INVALID_REPLY
    }

    private final Kind kind;
    private final int httpStatus;

    public SepException(Kind kind, String message, int httpStatus) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** @return the HTTP status, 0 when there was none */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return true when the server could not be talked to at all */
    public boolean noConnection() {
        return kind == Kind.UNREACHABLE || kind == Kind.TLS;
    }
}
