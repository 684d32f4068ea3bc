package org.bemgate.ieee20305.internal.codec;

import java.util.Set;

/** Names shared by the codec and the client. */
public final class Sep {

    /** The namespace of every IEEE 2030.5 element. */
    public static final String NS = "urn:ieee:std:2030.5:ns";
    /** CSIP-AUS v1.2 (envoy 1.x); written by default. */
    public static final String CSIPAUS_V12 = "https://csipaus.org/ns";
    /** CSIP-AUS v1.3 (envoy 2.x, current envoy-schema). */
    public static final String CSIPAUS_V13 = "https://csipaus.org/ns/v1.3";
    /** Both are accepted when reading. */
    public static final Set<String> CSIPAUS_ANY = Set.of(CSIPAUS_V12, CSIPAUS_V13);
    /** The media type of every body, request and answer. */
    public static final String MEDIA_TYPE = "application/sep+xml";

    private Sep() {
    }
}
