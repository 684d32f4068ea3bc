package org.bemgate.knx.internal.ets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.knx.internal.KnxDatapoints;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** ETS group-address exports in both layouts, separators and encodings, and the command that prints the result. */
public class EtsGroupAddressExportTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = EtsGroupAddressExportTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    private static final Map<String, String> ALL_SUPPORTED = new LinkedHashMap<>();

    static {
        ALL_SUPPORTED.put("0/0/1", "DPST-1-1");
        ALL_SUPPORTED.put("0/0/2", "DPST-1-1");
        ALL_SUPPORTED.put("0/0/3", "DPST-3-7");
        ALL_SUPPORTED.put("0/0/4", "DPST-5-1");
        ALL_SUPPORTED.put("0/1/1", "DPST-9-1");
        ALL_SUPPORTED.put("0/1/2", "DPST-9-1");
        ALL_SUPPORTED.put("0/1/3", "DPST-5-1");
        ALL_SUPPORTED.put("1/0/1", "DPST-14-56");
        ALL_SUPPORTED.put("1/0/2", "DPST-13-13");
        ALL_SUPPORTED.put("1/0/3", "DPST-17-1");
        ALL_SUPPORTED.put("1/0/4", "DPST-11-1");
        ALL_SUPPORTED.put("1/0/7", "DPT-1");
    }

    @Test
    public void threeLevelCommaSeparatedUtf8ExportSkipsTheGroupLines() throws IOException {
        List<EtsGroupAddressExport.Row> rows = EtsGroupAddressExport.rows(sample("ets5-group-addresses-3level.csv"));
        assertEquals(14, rows.size());
        assertEquals(new EtsGroupAddressExport.Row("0/0/1", "Küche Licht schalten", "DPST-1-1"), rows.get(0));
        assertEquals("quotes inside a field", "Zähler Energie \"gesamt\"", rows.get(8).name());
        EtsGroupAddressExport.Result r = EtsGroupAddressExport.datapoints(rows, null);
        assertEquals("without --actuators every address is a sensor", ALL_SUPPORTED, r.sensors());
        assertTrue(r.actuators().isEmpty());
        assertEquals(List.of("1/0/5 'Ohne Typ': no datapoint type in ETS; set one there and export again",
                "1/0/6 'Zwangsführung Rollladen': DPST-2-1 is not supported; supported are DPT 1, 3 (3.007, 3.008), 5, 6 (not 6.020), "
                        + "7, 8, 9, 10.001, 11.001, 12, 13, 14, 16, 17.001 and 20"), r.skipped());
    }

    @Test
    public void oneLevelTabSeparatedLatin1ExportAsBemcomsRecipeReadsIt() throws IOException {
        List<EtsGroupAddressExport.Row> rows = EtsGroupAddressExport.rows(sample("ets-group-addresses-tab-latin1.csv"));
        assertEquals(14, rows.size());
        assertEquals("Latin-1 decoded", "Wohnen Stellgröße", rows.get(6).name());
        assertEquals(ALL_SUPPORTED, EtsGroupAddressExport.datapoints(rows, null).sensors());
    }

    @Test
    public void actuatorsAreChosenByNameOrAddress() throws IOException {
        List<EtsGroupAddressExport.Row> rows = EtsGroupAddressExport.rows(sample("ets5-group-addresses-3level.csv"));
        EtsGroupAddressExport.Result r = EtsGroupAddressExport.datapoints(rows,
                EtsGroupAddressExport.actuatorPattern("schalten|dimmen|sollwert|1/0/3"));
        assertEquals(List.of("0/0/1", "0/0/3", "0/1/2", "1/0/3"), List.copyOf(r.actuators().keySet()));
        assertEquals(8, r.sensors().size());
        assertTrue("status stays a sensor", r.sensors().containsKey("0/0/2"));
    }

    @Test
    public void theJsonIsAcceptedByTheConnectorUnchanged() throws IOException {
        EtsGroupAddressExport.Result r = EtsGroupAddressExport.datapoints(
                EtsGroupAddressExport.rows(sample("ets5-group-addresses-3level.csv")), EtsGroupAddressExport.actuatorPattern("schalten"));
        assertEquals(12, KnxDatapoints.parse(r.json()).entries().size());
        assertEquals(12, KnxDatapoints.parse(r.compactJson()).entries().size());
        assertTrue(r.compactJson(), r.compactJson().startsWith("{\"sensor\":{\"0/0/2\":\"DPST-1-1\","));
        assertTrue(r.compactJson(), r.compactJson().contains("\"actuator\":{\"0/0/1\":\"DPST-1-1\"}"));
    }

    @Test
    public void semicolonsAndUnquotedFieldsAsOtherExportSettingsWriteThem() {
        String csv = "Group name;Address;Central;Unfiltered;Description;DatapointType;Security\n"
                + "Temperatur;3/1/7;;;;DPST-9-1;Auto\n";
        List<EtsGroupAddressExport.Row> rows = EtsGroupAddressExport.rows(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new EtsGroupAddressExport.Row("3/1/7", "Temperatur", "DPST-9-1")), rows);
    }

    @Test
    public void aFileThatIsNotAnEtsExportIsRefused() {
        try {
            EtsGroupAddressExport.rows("name,value\na,1\n".getBytes(StandardCharsets.UTF_8));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("has no \"Address\" and \"DatapointType\" columns"));
        }
    }

    @Test
    public void theCommandPrintsTheMappingAndWhatItLeftOut() throws IOException {
        Path file = tmp.newFile("export.csv").toPath();
        Files.write(file, sample("ets-group-addresses-tab-latin1.csv"));
        KnxImportCommand cmd = new KnxImportCommand();
        cmd.file = file.toString();
        cmd.actuators = "schalten";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cmd.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.startsWith("Skipped 1/0/5 'Ohne Typ': no datapoint type"));
        assertTrue(out, out.contains("11 sensors, 1 actuators, 2 skipped\n"));
        assertTrue(out, out.contains("\"actuator\" : {\n    \"0/0/1\" : \"DPST-1-1\"\n  }"));
    }

    @Test
    public void theCommandSaysWhatIsWrongInsteadOfThrowing() {
        KnxImportCommand cmd = new KnxImportCommand();
        cmd.file = tmp.getRoot().toPath().resolve("missing.csv").toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cmd.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("Error: cannot read "));
        cmd.connector = "house";
        cmd.file = "src/test/resources/ets5-group-addresses-3level.csv";
        bytes.reset();
        cmd.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8),
                bytes.toString(StandardCharsets.UTF_8).endsWith("Error: Configuration Admin is not running; use --print and copy the JSON "
                        + "into the .cfg file\n"));
    }
}
