package org.bemgate.ieee20305.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One utility 2030.5 server: {@code etc/org.bemgate.ieee20305-<name>.cfg}. */
@ObjectClassDefinition(name = "bemgate IEEE 2030.5 / CSIP-AUS aggregator client", description = "Registers sites and their DER with a "
        + "utility's IEEE 2030.5 server as an aggregator, over TLS with a client certificate, and reads the DER controls that apply")
public @interface Ieee20305Config {

    /** The factory PID: one configuration per utility server. */
    String PID = "org.bemgate.ieee20305";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id "
            + "(letters, digits, '-' and '_')")
    String name();

    @AttributeDefinition(name = "Server URL", description = "The server's base URL, https://host[:port][/prefix]; the server's "
            + "hrefs are resolved against it. http:// only for test servers: then no certificate is sent and the LFDI travels "
            + "in x-forwarded-client-cert, as behind envoy's TLS proxy")
    String baseUrl() default "";

    @AttributeDefinition(name = "Device capability path", description = "Appended to the server URL to find the DeviceCapability")
    String dcapPath() default "/dcap";

    @AttributeDefinition(name = "Client certificate", description = "File: the aggregator's certificate (PEM, with its chain) or a "
            + "PKCS#12 store (.p12/.pfx) holding certificate and key", required = false)
    String clientCertificate() default "";

    @AttributeDefinition(name = "Client key", description = "File: the PEM private key of a PEM certificate, unencrypted PKCS#8 "
            + "(BEGIN PRIVATE KEY, EC or RSA) or PKCS#1 RSA (BEGIN RSA PRIVATE KEY). Encrypted PEM and SEC1 'BEGIN EC PRIVATE KEY' "
            + "keys are refused (convert: openssl pkcs8 -topk8 -nocrypt). Leave empty with PKCS#12", required = false)
    String clientKey() default "";

    @AttributeDefinition(name = "Client key password", description = "The PKCS#12 store's password; never logged. Better: "
            + "$[secret:…] in the .cfg", type = AttributeType.PASSWORD, required = false)
    String _clientKeyPassword() default "";

    @AttributeDefinition(name = "Trusted CA", description = "File: the CA certificate(s), PEM, the server's certificate must chain "
            + "to; empty for the JDK's default CAs. The server's host name is checked", required = false)
    String trustedCa() default "";

    @AttributeDefinition(name = "Aggregator LFDI", description = "40 hex digits; empty to derive it from the client certificate "
            + "(SHA-256 of its DER, first 160 bits). Required with http://", required = false)
    String lfdi() default "";

    @AttributeDefinition(name = "Devices", description = "JSON array of the sites to register: [{\"id\": \"site1\", \"nmi\": "
            + "\"NMI1234567\", \"lfdi\": optional, \"deviceCategory\": \"040000\", \"der\": {\"type\": 4, \"rtgMaxW\": 5000, "
            + "\"modesSupported\": \"00500088\", \"doeModesSupported\": \"0F\"}, \"settings\": {…}, \"status\": {…}, "
            + "\"availability\": {…}, \"deviceInformation\": {…}}]; see the bundle's README")
    String devices() default "[]";

    @AttributeDefinition(name = "CSIP-AUS namespace", description = "The namespace of the CSIP-AUS extensions written to the "
            + "server; both are read", options = { @Option(label = "CSIP-AUS 1.2 (envoy 1.x)", value = "https://csipaus.org/ns"),
                @Option(label = "CSIP-AUS 1.3 (envoy 2.x)", value = "https://csipaus.org/ns/v1.3") })
    String csipausNamespace() default "https://csipaus.org/ns";

    @AttributeDefinition(name = "Default poll interval (s)", description = "Used when the server advertises no pollRate "
            + "(2030.5's default is 900)")
    int defaultPollSeconds() default 900;

    @AttributeDefinition(name = "Shortest poll interval (s)", description = "A server's pollRate below this is raised to it")
    int minPollSeconds() default 10;

    @AttributeDefinition(name = "First retry (s)", description = "Pause after a failed exchange; doubled on each further failure")
    int retrySeconds() default 5;

    @AttributeDefinition(name = "Longest retry (s)", description = "The pause between retries grows up to this")
    int maxRetrySeconds() default 300;

    @AttributeDefinition(name = "Answer timeout (ms)", description = "The longest wait for connecting and for one answer")
    int timeoutMillis() default 10_000;

    @AttributeDefinition(name = "Active on first sight", description = "Datapoint keys to activate (historise) when they are "
            + "registered for the first time; an operator's later choice is kept", required = false)
    String[] activeDatapoints() default {};
}
