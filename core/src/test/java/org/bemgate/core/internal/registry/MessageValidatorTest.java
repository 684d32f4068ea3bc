package org.bemgate.core.internal.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.InvalidMessageException;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;
import org.junit.Test;

/** BEMCom's validation rules (bemcom-contracts §6), accept and reject cases with their reasons. */
public class MessageValidatorTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final DatapointId ID = DatapointId.of("demo", "dp");

    private static DatapointMetadata meta(DataFormat f) {
        return DatapointMetadata.builder(ID, DatapointType.ACTUATOR).dataFormat(f).build();
    }

    private static void ok(DatapointMetadata m, Object v) {
        MessageValidator.checkValue(m, new Value(v, NOW), NOW);
    }

    private static String refused(DatapointMetadata m, Object v) {
        return assertThrows(InvalidMessageException.class, () -> MessageValidator.checkValue(m, new Value(v, NOW), NOW)).getMessage();
    }

    @Test
    public void numericFormatsTakeNumbersAndNullButNotBoolsOrStrings() {
        DatapointMetadata m = meta(DataFormat.GENERIC_NUMERIC);
        ok(m, 1);
        ok(m, 2.5);
        ok(m, null);
        assertEquals("value true is not a number (demo/dp)", refused(m, true));
        assertEquals("value \"17\" is not a number (demo/dp)", refused(m, "17"));
    }

    @Test
    public void continuousNumericChecksBothBoundsInclusive() {
        DatapointMetadata m = meta(DataFormat.CONTINUOUS_NUMERIC).toBuilder().minValue(15.0).maxValue(30.0).build();
        ok(m, 15);
        ok(m, 30.0);
        ok(m, null);
        assertEquals("value 14.9 is below min_value 15.0 (demo/dp)", refused(m, 14.9));
        assertEquals("value 35 is above max_value 30.0 (demo/dp)", refused(m, 35));
        // a missing bound is not checked
        ok(meta(DataFormat.CONTINUOUS_NUMERIC).toBuilder().minValue(0.0).build(), 1e9);
    }

    @Test
    public void discreteFormatsNeedAnAllowedValueAndAllowNothingWithoutAList() {
        DatapointMetadata num = meta(DataFormat.DISCRETE_NUMERIC).toBuilder().allowedValues(List.of(1, 2.5)).build();
        ok(num, 1.0);
        ok(num, 2.5);
        assertEquals("value 3 is not one of the allowed values [1,2.5] (demo/dp)", refused(num, 3));
        DatapointMetadata text = meta(DataFormat.DISCRETE_TEXT).toBuilder().allowedValues(List.of("on", "off")).build();
        ok(text, "on");
        assertEquals("value \"auto\" is not one of the allowed values [\"on\",\"off\"] (demo/dp)", refused(text, "auto"));
        assertEquals("value null is not a string (demo/dp)", refused(text, null));
        assertEquals("value \"on\" is not one of the allowed values [] (demo/dp)", refused(meta(DataFormat.DISCRETE_TEXT), "on"));
    }

    @Test
    public void boolRejectsNullAndTextTakesStringsOrNull() {
        ok(meta(DataFormat.BOOL), false);
        assertEquals("value null is not a bool (true or false) (demo/dp)", refused(meta(DataFormat.BOOL), null));
        assertEquals("value 1 is not a bool (true or false) (demo/dp)", refused(meta(DataFormat.BOOL), 1));
        ok(meta(DataFormat.GENERIC_TEXT), "x");
        ok(meta(DataFormat.GENERIC_TEXT), null);
        assertEquals("value 1 is not a string (demo/dp)", refused(meta(DataFormat.GENERIC_TEXT), 1));
        ok(meta(DataFormat.UNKNOWN), List.of(1, "two"));
    }

    @Test
    public void timestampsMustLieWithinBemcomsWindow() {
        DatapointMetadata m = meta(DataFormat.UNKNOWN);
        MessageValidator.checkValue(m, new Value(1, NOW - 500_000_000_000L), NOW);
        MessageValidator.checkValue(m, new Value(1, NOW + 100_000_000_000L), NOW);
        String msg = assertThrows(InvalidMessageException.class,
                () -> MessageValidator.checkValue(m, new Value(1, 1_700_000_000L), NOW)).getMessage();
        assertEquals("value timestamp 1700000000 of demo/dp is not epoch milliseconds within about 15 years before and "
                + "3 years after now", msg);
    }

    @Test
    public void setpointItemsNeedTheKeysTheirDataFormatRequiresAndOrderedPeriods() {
        DatapointMetadata cont = meta(DataFormat.CONTINUOUS_NUMERIC);
        MessageValidator.checkSetpoint(cont, new Setpoint(List.of(new SetpointItem(null, NOW + 1000, 21.0, null, 19.0, 23.0)), NOW), NOW);
        assertEquals("setpoint item 0 of demo/dp: min_value and max_value are required for continuous_numeric datapoints",
                assertThrows(InvalidMessageException.class, () -> MessageValidator.checkSetpoint(cont,
                        new Setpoint(List.of(new SetpointItem(null, null, 21.0, null, 19.0, null)), NOW), NOW)).getMessage());
        DatapointMetadata disc = meta(DataFormat.DISCRETE_TEXT);
        assertEquals("setpoint item 0 of demo/dp: acceptable_values is required for discrete_text datapoints",
                assertThrows(InvalidMessageException.class, () -> MessageValidator.checkSetpoint(disc,
                        new Setpoint(List.of(new SetpointItem(null, null, "on", null, null, null)), NOW), NOW)).getMessage());
        assertEquals("setpoint item 1 of demo/dp: from_timestamp 1700000002000 is not before to_timestamp 1700000001000",
                assertThrows(InvalidMessageException.class, () -> MessageValidator.checkSetpoint(meta(DataFormat.UNKNOWN),
                        new Setpoint(Arrays.asList(new SetpointItem(null, null, 1, null, null, null),
                                new SetpointItem(NOW + 2000, NOW + 1000, 1, null, null, null)), NOW), NOW)).getMessage());
    }

    @Test
    public void scheduleItemsAreOrderedAndTheirValuesFitTheFormat() {
        DatapointMetadata m = meta(DataFormat.CONTINUOUS_NUMERIC).toBuilder().minValue(15.0).maxValue(30.0).build();
        MessageValidator.checkSchedule(m, new Schedule(List.of(new ScheduleItem(null, NOW + 10, 19.0),
                new ScheduleItem(NOW + 10, null, null)), NOW), NOW);
        assertEquals("schedule item 0 of demo/dp: value 40 is above max_value 30.0",
                assertThrows(InvalidMessageException.class, () -> MessageValidator.checkSchedule(m,
                        new Schedule(List.of(new ScheduleItem(null, null, 40)), NOW), NOW)).getMessage());
    }
}
