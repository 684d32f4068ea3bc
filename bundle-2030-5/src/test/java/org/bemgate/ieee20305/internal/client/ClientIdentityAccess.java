package org.bemgate.ieee20305.internal.client;

/** Opens {@link ClientIdentity}'s package-private helpers to tests in other packages. */
public final class ClientIdentityAccess {

    private ClientIdentityAccess() {
    }

    public static byte[] wrapRsa(byte[] pkcs1) {
        return ClientIdentity.wrapRsa(pkcs1);
    }
}
