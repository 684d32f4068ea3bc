package org.bemgate.lemdcbm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One LEM DCBM 400/600 meter: {@code etc/org.bemgate.lemdcbm-<name>.cfg}. Names follow EVerest's module settings. */
@ObjectClassDefinition(name = "bemgate LEM DCBM 400/600 meter", description = "A LEM DCBM 400/600 DC meter over HTTP, "
        + "or HTTPS with its own certificate pinned")
public @interface LemDcbmConfig {

    /** The factory PID: one configuration per meter. */
    String PID = "org.bemgate.lemdcbm";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id "
            + "(letters, digits, '-' and '_')")
    String name();

    @AttributeDefinition(name = "Host", description = "ip_address: the meter's IP address or DNS name")
    String host() default "";

    @AttributeDefinition(name = "Port", description = "port: the meter's port, 80 by default with and without TLS, as the meter does")
    int port() default 80;

    @AttributeDefinition(name = "Meter certificate (PEM)", description = "meter_tls_certificate: the meter's own self-signed "
            + "certificate (GET /v1/certificate). When set, HTTPS is used and only this certificate is trusted; the host name "
            + "is not checked", required = false)
    String meterCertificate() default "";

    @AttributeDefinition(name = "NTP server 1", description = "ntp_server_1_ip_addr: when set, the meter syncs its time by NTP; "
            + "otherwise the gateway sets it every 24 h and before each transaction", required = false)
    String ntpServer1() default "";

    @AttributeDefinition(name = "NTP server 1 port", description = "ntp_server_1_port")
    int ntpServer1Port() default 123;

    @AttributeDefinition(name = "NTP server 2", description = "ntp_server_2_ip_addr: a second NTP server", required = false)
    String ntpServer2() default "";

    @AttributeDefinition(name = "NTP server 2 port", description = "ntp_server_2_port")
    int ntpServer2Port() default 123;

    @AttributeDefinition(name = "Start-up retries", description = "resilience_initial_connection_retries: retries of "
            + "GET /v1/status at start-up; after them the connector stays OFFLINE and tries again every minute")
    int initialConnectionRetries() default 25;

    @AttributeDefinition(name = "Start-up retry delay (ms)", description = "resilience_initial_connection_retry_delay")
    int initialConnectionRetryDelay() default 10_000;

    @AttributeDefinition(name = "Transaction retries", description = "resilience_transaction_request_retries: retries of each "
            + "request of a transaction start or stop")
    int transactionRequestRetries() default 3;

    @AttributeDefinition(name = "Transaction retry delay (ms)", description = "resilience_transaction_request_retry_delay")
    int transactionRequestRetryDelay() default 250;

    @AttributeDefinition(name = "Answer timeout (ms)", description = "command_timeout_ms: the longest wait for one answer, "
            + "1000–20000")
    int timeoutMillis() default 5_000;

    @AttributeDefinition(name = "Poll interval (ms)", description = "Time between two reads of /v1/livemeasure; doubled up to "
            + "a minute while the meter does not answer")
    int pollMillis() default 1_000;

    @AttributeDefinition(name = "EVSE id", description = "evseId sent with a transaction start unless the start gives its own",
            required = false)
    String evseId() default "";

    @AttributeDefinition(name = "Tariff id", description = "tariffId sent with a transaction start unless the start gives its own")
    int tariffId() default 0;

    @AttributeDefinition(name = "Cable id", description = "cableId (the meter's loss compensation) sent with a transaction start "
            + "unless the start gives its own")
    int cableId() default 0;

    @AttributeDefinition(name = "Active on first sight", description = "Datapoint keys to activate (historise) when they are "
            + "registered for the first time; an operator's later choice is kept", required = false)
    String[] activeDatapoints() default { "ocmf" };
}
