package org.bemgate.keba.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The reference replies, and what a station may send besides them. */
public class ReplyParserTest {

    private static KebaReply.Report report(String text) {
        KebaReply r = ReplyParser.parse(text);
        assertTrue(r.toString(), r instanceof KebaReply.Report);
        return (KebaReply.Report) r;
    }

    private static KebaReply.Garbled garbled(String text) {
        KebaReply r = ReplyParser.parse(text);
        assertTrue(r.toString(), r instanceof KebaReply.Garbled);
        return (KebaReply.Garbled) r;
    }

    @Test
    public void bemcomsRecordedRepliesParseToItsDictsWithJsonTypesKept() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ID", "1");
        expected.put("Product", "KC-P30-ES240022-E0R");
        expected.put("Serial", "17643683");
        expected.put("Firmware", "P30 v 3.9.10 (171113-103030)");
        expected.put("COM-module", 0L);
        expected.put("Backend", 0L);
        expected.put("timeQ", 2L);
        expected.put("Sec", 67399365L);
        KebaReply.Report r1 = report(SampleReplies.BEMCOM_REPORT_1);
        assertEquals("1", r1.id());
        assertEquals(expected, r1.fields());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(r1.fields().keySet()));

        KebaReply.Report r2 = report(SampleReplies.BEMCOM_REPORT_2);
        assertEquals("2", r2.id());
        assertEquals(22, r2.fields().size());
        assertEquals(16000L, r2.fields().get("Curr user"));
        assertEquals(1000L, r2.fields().get("Max curr %"));

        KebaReply.Report r3 = report(SampleReplies.BEMCOM_REPORT_3);
        assertEquals(330130L, r3.fields().get("E pres"));
        assertEquals(4781461L, r3.fields().get("E total"));
        assertEquals("17643683", r3.fields().get("Serial"));
    }

    @Test
    public void openemsCompactRepliesParseAsWell() {
        KebaReply.Report r1 = report(SampleReplies.OPENEMS_REPORT_1);
        assertEquals("0x25", r1.fields().get("DIP-Sw1"));
        assertEquals(11, r1.fields().size());
        KebaReply.Report r2 = report(SampleReplies.OPENEMS_REPORT_2);
        assertEquals(3L, r2.fields().get("X2 phaseSwitch source"));
        assertEquals(6567L, r2.fields().get("Max curr"));
        KebaReply.Report r3 = report(SampleReplies.OPENEMS_REPORT_3);
        assertEquals("3", r3.id());
        assertEquals(65302L, r3.fields().get("E pres"));
        assertEquals(5678000L, r3.fields().get("P"));
        assertEquals(905L, r3.fields().get("PF"));
    }

    @Test
    public void aNumericIdAndPaddedNamesAreTolerated() {
        KebaReply.Report r = report("{\"ID\": 100, \"Curr HW   \": 32000, \"E pres\": 1.5}");
        assertEquals("100", r.id());
        assertEquals(32000L, r.fields().get("Curr HW"));
        assertEquals(1.5, r.fields().get("E pres"));
    }

    @Test
    public void stateMessagesAreJsonWithoutId() {
        for (String text : new String[] { "{\"State\": 2}", "{\"Plug\": 1}", "{\"Input\": 0}", "{\"Enable sys\": 1}",
            "{\"Max curr\": 32000}", "{\"E pres\": 999999}", "{\n\"State\": 3\n}\n" }) {
            KebaReply r = ReplyParser.parse(text);
            assertTrue(text, r instanceof KebaReply.StateMessage);
            assertEquals(1, ((KebaReply.StateMessage) r).fields().size());
        }
        assertEquals(Map.of("Max curr", 32000L), ((KebaReply.StateMessage) ReplyParser.parse("{\"Max curr\": 32000}")).fields());
    }

    @Test
    public void acknowledgementsWithOrWithoutLineFeed() {
        assertEquals(new KebaReply.Ack(true, "TCH-OK :done"), ReplyParser.parse("TCH-OK :done\n"));
        assertEquals(new KebaReply.Ack(true, "TCH-OK :done"), ReplyParser.parse("TCH-OK :done"));
        assertEquals(new KebaReply.Ack(false, "TCH-ERR"), ReplyParser.parse("TCH-ERR\n"));
        KebaReply err = ReplyParser.parse("TCH-ERR:unknown command\n");
        assertFalse(((KebaReply.Ack) err).ok());
    }

    @Test
    public void anythingElseIsGarbledWithAReason() {
        assertTrue(garbled("{\"ID\":\"3\",\"U1\":229,\"U2\"").problem().startsWith("broken JSON"));
        assertTrue(garbled(SampleReplies.OPENEMS_REPORT_1 + "}").problem().startsWith("broken JSON"));
        assertEquals("neither JSON nor TCH-OK/TCH-ERR", garbled("report 1").problem());
        assertEquals("neither JSON nor TCH-OK/TCH-ERR", garbled("\"Firmware\":\"KEBA P20 v 2.5a3 (160613-061001)\"").problem());
        assertEquals("empty datagram", garbled("\n").problem());
        assertEquals("empty datagram", garbled("").problem());
        assertEquals("not a JSON object with fields", garbled("{}").problem());
        assertEquals("neither JSON nor TCH-OK/TCH-ERR", garbled("[1,2]").problem());
        assertEquals("long garbage is shortened for the log", 81, garbled("x".repeat(500)).text().length());
    }
}
