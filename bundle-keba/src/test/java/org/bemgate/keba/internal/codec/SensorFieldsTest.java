package org.bemgate.keba.internal.codec;

import static org.junit.Assert.assertEquals;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.junit.Test;

/** BEMCom's sensor keys (§13.3) and the unit and format of each field. */
public class SensorFieldsTest {

    @Test
    public void keysKeepTheSpaceInsideTheReportName() {
        assertEquals("p30_garage__report 2__Max curr %", KebaKeys.sensor("p30_garage", 2, "Max curr %"));
        assertEquals("p30_garage__report 3__E pres", KebaKeys.sensor("p30_garage", 3, "E pres"));
        assertEquals("p30_garage__report 1__Serial", KebaKeys.sensor("p30_garage", 1, "Serial"));
        assertEquals("p30_garage__report 1__ID", KebaKeys.sensor("p30_garage", 1, "ID"));
    }

    @Test
    public void unitsAreTheWiresOwn() {
        assertEquals("mA", meta("Max curr", 6567L).unit());
        assertEquals("0.1 %", meta("Max curr %", 1000L).unit());
        assertEquals("mA", meta("I2", 8000L).unit());
        assertEquals("mW", meta("P", 5678000L).unit());
        assertEquals("V", meta("U3", 231L).unit());
        assertEquals("0.1 %", meta("PF", 905L).unit());
        assertEquals("0.1 Wh", meta("E pres", 65302L).unit());
        assertEquals("0.1 Wh", meta("E total", 7747835L).unit());
        assertEquals("0.1 Wh", meta("Setenergy", 0L).unit());
        assertEquals("s", meta("Sec", 530786L).unit());
        assertEquals("", meta("State", 3L).unit());
    }

    @Test
    public void theFirstValueDecidesTheDataFormat() {
        DatapointMetadata serial = meta("Serial", "22054282");
        assertEquals(DataFormat.GENERIC_TEXT, serial.dataFormat());
        assertEquals("a text has no unit", "", serial.unit());
        assertEquals("22054282", serial.exampleValue());
        DatapointMetadata energy = meta("E pres", 65302L);
        assertEquals(DataFormat.GENERIC_NUMERIC, energy.dataFormat());
        assertEquals(DatapointType.SENSOR, energy.type());
        assertEquals(65302L, energy.exampleValue());
        assertEquals(DataFormat.GENERIC_NUMERIC, meta("Something new", 1.5).dataFormat());
        assertEquals("Field 'Something new' as the station reports it", meta("Something new", 1.5).description());
        assertEquals(DataFormat.BOOL, meta("Flag", true).dataFormat());
        assertEquals(DataFormat.UNKNOWN, meta("Nothing", null).dataFormat());
    }

    @Test
    public void stateMessagesUpdateTheFieldOfTheirReport() {
        assertEquals(2, SensorFields.reportOf("State"));
        assertEquals(2, SensorFields.reportOf("Plug"));
        assertEquals(2, SensorFields.reportOf("Input"));
        assertEquals(2, SensorFields.reportOf("Enable sys"));
        assertEquals(2, SensorFields.reportOf("Max curr"));
        assertEquals(3, SensorFields.reportOf("E pres"));
        assertEquals(2, SensorFields.reportOf("never seen"));
    }

    private static DatapointMetadata meta(String field, Object example) {
        return SensorFields.metadata("keba", KebaKeys.sensor("p30", SensorFields.reportOf(field), field), field, example);
    }
}
