package org.bemgate.keba.internal.codec;

import static org.bemgate.keba.internal.codec.ActuatorValues.flag;
import static org.bemgate.keba.internal.codec.ActuatorValues.inRange;
import static org.bemgate.keba.internal.codec.ActuatorValues.integer;
import static org.bemgate.keba.internal.codec.ActuatorValues.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;

/**
 * The actuators of one station, keyed {@code <station>__<command>}: BEMCom's four ({@code ena},
 * {@code curr}, {@code setenergy}, {@code display}) and the rest of the UDP guide's set commands.
 * Each checks its value against the guide's ranges before anything is sent.
 */
public enum Actuator {

    ENA("ena", DataFormat.DISCRETE_NUMERIC, "", 0L, "Charging enabled (1) or disabled (0). After a disable the station "
            + "gets 2 s without commands") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            return flag(value, command()) ? KebaCommand.set("ena 1") : KebaCommand.disabling("ena 0");
        }
    },
    CURR("curr", DataFormat.CONTINUOUS_NUMERIC, "mA", 63000L, "Maximum charging current, 6000–63000 mA; kept until the "
            + "station restarts (the guide recommends currtime)") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            return KebaCommand.set("curr " + inRange(value, command(), MIN_MA, MAX_MA));
        }
    },
    CURRTIME("currtime", DataFormat.GENERIC_TEXT, "", "16000 1", "\"<mA> <delay s>\": the charging current after the delay; "
            + "mA 0 or 6000–63000, delay 0 (cancel) or 1–860400 s; \"0 1\" stops charging. A number alone means a delay of 1 s") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            long ma;
            long delay = 1;
            if (value instanceof String s && s.strip().contains(" ")) {
                String[] parts = s.strip().split(" +");
                if (parts.length != 2) {
                    throw new KebaValueException("currtime: give \"<mA> <delay s>\", not \"" + s + "\"");
                }
                ma = integer(parts[0], "currtime current");
                delay = inRange(parts[1], "currtime delay", 0, MAX_DELAY_S);
            } else {
                ma = integer(value, "currtime current");
            }
            if (ma != 0 && (ma < MIN_MA || ma > MAX_MA)) {
                throw new KebaValueException("currtime current: " + ma + " is neither 0 nor within " + MIN_MA + "–" + MAX_MA + " mA");
            }
            String text = "currtime " + ma + " " + delay;
            return ma == 0 && delay > 0 ? KebaCommand.disabling(text) : KebaCommand.set(text);
        }
    },
    SETENERGY("setenergy", DataFormat.CONTINUOUS_NUMERIC, "0.1 Wh", 100000L, "Energy limit of the session in 0.1 Wh "
            + "(100000 = 10 kWh), 0 for none; reset when the car is unplugged") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            return KebaCommand.set("setenergy " + inRange(value, command(), 0, MAX_ENERGY));
        }
    },
    DISPLAY("display", DataFormat.GENERIC_TEXT, "", "0 0 0 0 Hello$KEBA", "Text on the display (P30 c/x series), up to 23 "
            + "characters; either the text alone or BEMCom's \"<a> <min> <max> <tk> <text>\"") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            return KebaCommand.set(displayCommand(text(value, command())));
        }
    },
    OUTPUT("output", DataFormat.GENERIC_NUMERIC, "", 0L, "X2 relay output: 0 open, 1 closed, 10 or more pulses per kWh") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            long n = inRange(value, command(), 0, Integer.MAX_VALUE);
            if (n >= 2 && n <= 9) {
                throw new KebaValueException("output: " + n + " is neither 0, 1 nor 10 or more pulses per kWh (the station ignores 2–9)");
            }
            return KebaCommand.set("output " + n);
        }
    },
    UNLOCK("unlock", DataFormat.BOOL, "", true, "true unlocks the socket; stop charging first") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            if (!flag(value, command())) {
                throw new KebaValueException("unlock: write true to unlock the socket; false does nothing");
            }
            return KebaCommand.set("unlock");
        }
    },
    START("start", DataFormat.GENERIC_TEXT, "", "0123456789ABCDEF", "Authorises charging as an RFID card would: "
            + "\"<tag, up to 16 hex digits> [<class, up to 20 hex digits>]\", or empty") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            String v = text(value, command()).strip();
            if (!v.isEmpty() && !RFID_START.matcher(v).matches()) {
                throw new KebaValueException("start: \"" + v + "\" is not \"<tag> [<class>]\" of up to 16 and 20 hex digits");
            }
            return KebaCommand.set(v.isEmpty() ? "start" : "start " + v.replaceAll(" +", " "));
        }
    },
    STOP("stop", DataFormat.GENERIC_TEXT, "", "0123456789ABCDEF", "Ends the session as the RFID card with this tag "
            + "(up to 16 hex digits) would") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            String v = text(value, command()).strip();
            if (!RFID_TAG.matcher(v).matches()) {
                throw new KebaValueException("stop: \"" + v + "\" is not an RFID tag of 1–16 hex digits");
            }
            return KebaCommand.set("stop " + v);
        }
    },
    X2SRC("x2src", DataFormat.DISCRETE_NUMERIC, "", 4L, "Phase switch source: 0 none, 1 OCPP, 2 REST, 3 Modbus, 4 UDP "
            + "(x2 needs 4)") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            return KebaCommand.set("x2src " + inRange(value, command(), 0, 4));
        }
    },
    X2("x2", DataFormat.DISCRETE_NUMERIC, "", 1L, "Phases: 0 one, 1 three") {
        @Override
        KebaCommand encode(Object value) throws KebaValueException {
            return KebaCommand.set("x2 " + inRange(value, command(), 0, 1));
        }
    };

    static final long MIN_MA = 6000;
    static final long MAX_MA = 63000;
    static final long MAX_DELAY_S = 860_400;
    static final long MAX_ENERGY = 999_999_999;
    static final int DISPLAY_CHARS = 23;
    private static final Pattern RFID_TAG = Pattern.compile("[0-9A-Fa-f]{1,16}");
    private static final Pattern RFID_START = Pattern.compile("[0-9A-Fa-f]{1,16}( +[0-9A-Fa-f]{1,20})?");
    private static final Pattern DISPLAY_FULL = Pattern.compile("(\\d+ \\d+ \\d+ \\d+) (.*)");

    private final String command;
    private final DataFormat dataFormat;
    private final String unit;
    private final Object example;
    private final String description;

    Actuator(String command, DataFormat dataFormat, String unit, Object example, String description) {
        this.command = command;
        this.dataFormat = dataFormat;
        this.unit = unit;
        this.example = example;
        this.description = description;
    }

    /**
     * Checks a value and builds the command.
     *
     * @param value the JSON value written
     * @return the command
     * @throws KebaValueException if the value is outside what the station accepts
     */
    abstract KebaCommand encode(Object value) throws KebaValueException;

    /**
     * @param value the JSON value written
     * @return the command to send
     * @throws KebaValueException naming the actuator and what is allowed
     */
    public KebaCommand toCommand(Object value) throws KebaValueException {
        if (value == null) {
            throw new KebaValueException(command + ": no value given");
        }
        return encode(value);
    }

    /** @return the command word, also the key's last part */
    public String command() {
        return command;
    }

    /** @return true for {@code x2src} and {@code x2}, which only newer firmware knows */
    public boolean needsPhaseSwitching() {
        return this == X2SRC || this == X2;
    }

    /**
     * @param suffix the part of a key after {@code <station>__}
     * @return the actuator with that command word, or null
     */
    public static Actuator byCommand(String suffix) {
        for (Actuator a : values()) {
            if (a.command.equals(suffix)) {
                return a;
            }
        }
        return null;
    }

    /**
     * @param connector the connector name
     * @param station the station name
     * @return the actuator's metadata, with the bounds and choices the checks use
     */
    public DatapointMetadata metadata(String connector, String station) {
        DatapointMetadata.Builder b = DatapointMetadata.builder(DatapointId.of(connector, KebaKeys.actuator(station, this)),
                DatapointType.ACTUATOR).dataFormat(dataFormat).unit(unit).exampleValue(example)
                .description(description + " (KEBA UDP command '" + command + "')");
        return switch (this) {
            case ENA, X2 -> b.allowedValues(List.of(0L, 1L)).build();
            case X2SRC -> b.allowedValues(List.of(0L, 1L, 2L, 3L, 4L)).build();
            case CURR -> b.minValue((double) MIN_MA).maxValue((double) MAX_MA).build();
            case SETENERGY -> b.minValue(0.0).maxValue((double) MAX_ENERGY).build();
            default -> b.build();
        };
    }

    /** BEMCom's form passes as it is; plain text gets the guide's defaults and {@code $} for blanks. */
    static String displayCommand(String value) throws KebaValueException {
        Matcher full = DISPLAY_FULL.matcher(value);
        String prefix = full.matches() ? full.group(1) : "0 0 0 0";
        String text = (full.matches() ? full.group(2) : value).replace(' ', '$');
        if (text.isEmpty() || text.length() > DISPLAY_CHARS) {
            throw new KebaValueException("display: the text must have 1–" + DISPLAY_CHARS + " characters, not " + text.length());
        }
        for (char c : text.toCharArray()) {
            if (c < 0x21 || c > 0x7E) {
                throw new KebaValueException("display: '" + c + "' cannot be shown; use ASCII letters, digits and signs");
            }
        }
        return "display " + prefix + " " + text;
    }
}
