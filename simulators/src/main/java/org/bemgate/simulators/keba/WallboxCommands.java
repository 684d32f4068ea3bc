package org.bemgate.simulators.keba;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Interprets KEBA UDP commands against a {@link Wallbox} the way the programmer's guide V2.00/V2.01
 * describes the box: reports as JSON, set commands answered {@code TCH-OK :done}, the box's own
 * leniency kept (an invalid {@code curr} sets 6000 mA, any {@code ena} but 1 disables, {@code output}
 * 2–9 get no answer).
 */
final class WallboxCommands {

    static final String OK = "TCH-OK :done\n";
    static final String ERROR = "TCH-ERR\n";
    private static final Pattern HEX_16 = Pattern.compile("[0-9A-Fa-f]{1,16}");
    private static final Pattern HEX_20 = Pattern.compile("[0-9A-Fa-f]{1,20}");

    /**
     * What the box does with one command.
     *
     * @param reply the datagram it answers, or null for none
     * @param unsolicited the state messages the change causes, sent after the reply
     */
    record Answer(String reply, List<Map<String, Object>> unsolicited) {
        static Answer of(String reply) {
            return new Answer(reply, List.of());
        }
    }

    private WallboxCommands() {
    }

    /**
     * @param box the wallbox
     * @param command the datagram's text
     * @param refused verbs to answer {@code TCH-ERR} to, as a box that refuses them
     * @return the answer
     */
    static Answer handle(Wallbox box, String command, Set<String> refused) {
        String[] words = command.trim().split(" +");
        String verb = words[0];
        if (refused.contains(verb)) {
            return Answer.of(ERROR);
        }
        try {
            return switch (verb) {
                case "report" -> report(box, words);
                case "i" -> Answer.of("\"Firmware\":\"P30 v 3.10.57 (240521-093236)\"\n");
                case "ena" -> done(box.enable(words.length > 1 && words[1].equals("1")));
                case "curr" -> curr(box, words);
                case "currtime" -> currtime(box, words);
                case "setenergy" -> done(box.setEnergyLimit(nonNegative(words[1])));
                case "output" -> output(box, words);
                case "display" -> display(box, words);
                case "unlock" -> {
                    box.unlock();
                    yield Answer.of(OK);
                }
                case "start" -> start(box, words);
                case "stop" -> {
                    if (words.length != 2 || !HEX_16.matcher(words[1]).matches()) {
                        yield Answer.of(ERROR);
                    }
                    box.stopSession(words[1]);
                    yield Answer.of(OK);
                }
                case "x2src" -> phaseSwitch(box, words, 4, true);
                case "x2" -> phaseSwitch(box, words, 1, false);
                default -> Answer.of(ERROR);
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Answer.of(ERROR);
        }
    }

    private static Answer report(Wallbox box, String[] words) {
        Map<String, Object> report = switch (words[1]) {
            case "1" -> box.report1();
            case "2" -> box.report2();
            case "3" -> box.report3();
            case "100" -> box.report100();
            default -> null;
        };
        return Answer.of(report == null ? ERROR : Json.object(report));
    }

    private static Answer curr(Wallbox box, String[] words) {
        long ma = Long.parseLong(words[1]);
        // The guide: invalid values are discarded and 6000 mA is set.
        return done(box.setCurrUser(ma >= 6000 && ma <= 63000 ? (int) ma : 6000));
    }

    private static Answer currtime(Wallbox box, String[] words) {
        long ma = Long.parseLong(words[1]);
        long delay = Long.parseLong(words[2]);
        boolean currentOk = ma == 0 || (ma >= 6000 && ma <= 63000);
        boolean delayOk = delay >= 0 && delay <= 860_400;
        if (!currentOk || !delayOk) {
            return Answer.of(ERROR);
        }
        return done(box.setCurrTimer((int) ma, delay));
    }

    private static Answer output(Wallbox box, String[] words) {
        long n = nonNegative(words[1]);
        if (n >= 2 && n <= 9) {
            return Answer.of(null);
        }
        box.setOutput((int) n);
        return Answer.of(OK);
    }

    private static Answer display(Wallbox box, String[] words) {
        if (words.length < 6) {
            return Answer.of(ERROR);
        }
        for (int i = 1; i <= 4; i++) {
            Long.parseLong(words[i]);
        }
        box.setDisplay(words[5].replace('$', ' '));
        return Answer.of(OK);
    }

    private static Answer start(Wallbox box, String[] words) {
        if (words.length > 3 || (words.length > 1 && !HEX_16.matcher(words[1]).matches())
                || (words.length > 2 && !HEX_20.matcher(words[2]).matches())) {
            return Answer.of(ERROR);
        }
        box.authorise(words.length > 1 ? words[1] : "");
        return Answer.of(OK);
    }

    private static Answer phaseSwitch(Wallbox box, String[] words, int max, boolean source) {
        long n = nonNegative(words[1]);
        if (!box.supportsPhaseSwitching() || n > max) {
            return Answer.of(ERROR);
        }
        return done(source ? box.setPhaseSwitch((int) n, null) : box.setPhaseSwitch(null, (int) n));
    }

    private static Answer done(List<Map<String, Object>> unsolicited) {
        return new Answer(OK, unsolicited);
    }

    private static long nonNegative(String text) {
        long n = Long.parseLong(text);
        if (n < 0) {
            throw new NumberFormatException("negative");
        }
        return n;
    }
}
