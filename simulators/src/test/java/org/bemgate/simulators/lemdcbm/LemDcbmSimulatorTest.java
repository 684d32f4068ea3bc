package org.bemgate.simulators.lemdcbm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import org.junit.After;
import org.junit.Test;

/** The simulated meter over loopback HTTP and HTTPS: its API, its transaction state machine, its fault modes. */
public class LemDcbmSimulatorTest {

    private static final String START = "{\"evseId\":\"DE*BEM*E1\",\"transactionId\":\"tx-1\",\"clientId\":\"04A1B2C3,tx-1\","
            + "\"tariffId\":0,\"cableId\":0,\"userData\":\"\"}";
    private static final String STOP = "{\"running\": false}";

    private final MovableClock clock = new MovableClock();
    private LemDcbmSimulator sim;
    private TestClient client;

    private TestClient http() throws Exception {
        sim = new LemDcbmSimulator("127.0.0.1", 0, new Meter("12024072805", clock)).start();
        client = new TestClient(sim, null);
        return client;
    }

    @After
    public void tearDown() {
        if (sim != null) {
            sim.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    public void statusNamesTheMeterAndItsStateBits() throws Exception {
        Map<String, Object> s = http().json("GET", "/v1/status", null, 200);
        assertEquals("12024072805", s.get("meterId"));
        assertEquals("idle and time synced: bits 0 and 4", 17L, map(s.get("status")).get("value"));
        assertEquals("1.2.3.4", map(s.get("version")).get("applicationFirmwareVersion"));
        assertEquals(sim.meter().publicKeyOcmf(), s.get("publicKeyOcmf"));
    }

    @Test
    public void aFullTransactionEndsWithASignedOcmfRecord() throws Exception {
        http();
        Map<String, Object> started = client.json("POST", "/v1/legal", START, 201);
        assertEquals(true, started.get("running"));
        assertEquals("tx-1", started.get("transactionId"));
        assertEquals(21L, map(client.json("GET", "/v1/status", null, 200).get("status")).get("value"));
        assertEquals("one at a time", 409, client.send("POST", "/v1/legal", START.replace("tx-1", "tx-2")).statusCode());

        double before = sim.meter().importKWh();
        Map<String, Object> first = client.json("GET", "/v1/livemeasure", null, 200);
        Map<String, Object> second = client.json("GET", "/v1/livemeasure", null, 200);
        assertTrue("about 48 kW while charging: " + first, ((Double) first.get("power")) > 40);
        assertTrue("the register counts", (Double) second.get("energyImportTotal") > (Double) first.get("energyImportTotal"));
        assertTrue(sim.meter().importKWh() > before);

        assertEquals("the wrong id stops nothing", 404, client.send("PUT", "/v1/legal?transactionId=tx-9", STOP).statusCode());
        assertEquals("a stop needs running false", 400, client.send("PUT", "/v1/legal?transactionId=tx-1", "{}").statusCode());
        Map<String, Object> stopped = client.json("PUT", "/v1/legal?transactionId=tx-1", STOP, 200);
        long status = (Long) map(stopped.get("meterValue")).get("transactionStatus");
        assertEquals("transactionIsOnGoing cleared", 0, status & 0b100);
        assertEquals(1L, stopped.get("paginationCounter"));

        HttpResponse<String> ocmf = client.send("GET", "/v1/ocmf?transactionId=tx-1", null);
        assertEquals(200, ocmf.statusCode());
        String[] parts = ocmf.body().split("\\|");
        assertEquals(3, parts.length);
        assertEquals("OCMF", parts[0]);
        Map<String, Object> payload = map(MeterJson.parse(parts[1]));
        assertEquals("T1", payload.get("PG"));
        assertEquals("12024072805", payload.get("MS"));
        assertEquals("04A1B2C3,tx-1", payload.get("ID"));
        List<?> readings = (List<?>) payload.get("RD");
        assertEquals("B", map(readings.get(0)).get("TX"));
        assertEquals("E", map(readings.get(1)).get("TX"));
        assertTrue((Double) map(readings.get(1)).get("RV") > (Double) map(readings.get(0)).get("RV"));
        assertTrue(map(readings.get(0)).get("TM").toString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3}\\+0000 S"));

        Map<String, Object> sig = map(MeterJson.parse(parts[2]));
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(HexFormat.of().parseHex(sim.meter().publicKeyOcmf())));
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(key);
        v.update(parts[1].getBytes(StandardCharsets.UTF_8));
        assertTrue("the payload is signed as sent", v.verify(HexFormat.of().parseHex((String) sig.get("SD"))));

        assertEquals(404, client.send("GET", "/v1/ocmf?transactionId=nope", null).statusCode());
        assertEquals("tx-1", client.json("GET", "/v1/legal", null, 200).get("transactionId"));
        assertEquals(17L, map(client.json("GET", "/v1/status", null, 200).get("status")).get("value"));
    }

    @Test
    public void badStartRequestsAreRefused() throws Exception {
        http();
        assertEquals(400, client.send("POST", "/v1/legal", START.replace("\"tariffId\":0", "\"tariffId\":\"0\"")).statusCode());
        assertEquals(400, client.send("POST", "/v1/legal", START.replace("\"tx-1\"", "\"\"")).statusCode());
        assertEquals(400, client.send("POST", "/v1/legal", START.replace("04A1B2C3,tx-1", "x".repeat(38))).statusCode());
        assertEquals(400, client.send("POST", "/v1/legal", "{not json").statusCode());
        assertFalse(sim.meter().transactionRunning());
    }

    @Test
    public void transactionsNeedATimeSetWithinFortyEightHours() throws Exception {
        http();
        sim.meter().forgetTime();
        assertEquals(1L, map(client.json("GET", "/v1/status", null, 200).get("status")).get("value"));
        assertEquals(409, client.send("POST", "/v1/legal", START).statusCode());

        Map<String, Object> set = client.json("PUT", "/v1/settings", "{\"time\":{\"utc\":\"2026-03-01T10:00:05.000Z\"}}", 200);
        assertEquals(1L, set.get("result"));
        assertEquals(1, sim.meter().settingsWrites().size());
        clock.advance(Meter.TIME_VALIDITY.minusMinutes(1));
        assertTrue(sim.meter().timeSyncOk());
        clock.advance(Duration.ofMinutes(2));
        assertFalse("expired after 48 h", sim.meter().timeSyncOk());
        assertEquals(409, client.send("POST", "/v1/legal", START).statusCode());

        assertEquals(1L, client.json("PUT", "/v1/settings", "{\"ntp\":{\"servers\":[{\"ipAddress\":\"127.0.0.1\",\"port\":123}],"
                + "\"syncPeriod\":120,\"ntpActivated\":true}}", 200).get("result"));
        assertEquals("NTP keeps the time valid", 201, client.send("POST", "/v1/legal", START).statusCode());
        assertEquals("settings are refused during a transaction", 0L,
                client.json("PUT", "/v1/settings", "{\"time\":{\"tz\":\"+01:00\"}}", 200).get("result"));
        assertEquals(0L, client.json("PUT", "/v1/settings", "{\"bogus\":{}}", 200).get("result"));
    }

    @Test
    public void faultModesHitTheNextRequestsOnly() throws Exception {
        http();
        sim.fail(LemDcbmSimulator.Fault.NOT_READY, 2);
        assertEquals(503, client.send("GET", "/v1/status", null).statusCode());
        assertEquals(503, client.send("GET", "/v1/status", null).statusCode());
        assertEquals(200, client.send("GET", "/v1/status", null).statusCode());
        sim.fail(LemDcbmSimulator.Fault.HTTP_500, 1);
        assertEquals(500, client.send("GET", "/v1/livemeasure", null).statusCode());
        assertEquals(200, client.send("GET", "/v1/livemeasure", null).statusCode());
        sim.fail(LemDcbmSimulator.Fault.INVALID_JSON, 1);
        HttpResponse<String> bad = client.send("GET", "/v1/status", null);
        assertEquals(200, bad.statusCode());
        try {
            MeterJson.parse(bad.body());
            fail("the body must not be JSON: " + bad.body());
        } catch (IllegalArgumentException expected) {
            // the fault
        }
        sim.answerDelay(300);
        long t0 = System.nanoTime();
        assertEquals(200, client.send("GET", "/v1/status", null).statusCode());
        assertTrue("answered after the delay", System.nanoTime() - t0 >= 300_000_000L);
        assertEquals(List.of("GET /v1/status", "GET /v1/status", "GET /v1/status", "GET /v1/livemeasure"), sim.requests().subList(0, 4));
    }

    @Test
    public void httpsWithItsOwnCertificateAndNoOther() throws Exception {
        sim = new LemDcbmSimulator("127.0.0.1", 0, new Meter("12024072805", clock)).tls(MeterCertificate.METER).start();
        TestClient pinned = new TestClient(sim, MeterCertificate.METER);
        assertEquals("12024072805", pinned.json("GET", "/v1/status", null, 200).get("meterId"));
        String pem = (String) pinned.json("GET", "/v1/certificate", null, 200).get("certificate");
        assertEquals(MeterCertificate.METER.pemAsTheMeterGivesIt(), pem);
        assertFalse("no line break after the header, as on the device", pem.contains("\n"));
        try {
            new TestClient(sim, MeterCertificate.OTHER_METER).send("GET", "/v1/status", null);
            fail("a client pinned to another certificate must refuse the meter");
        } catch (SSLHandshakeException expected) {
            // refused
        }
    }
}
