package org.bemgate.keba.internal.codec;

/**
 * Real P30 replies: compact ones from OpenEMS's {@code KebaUdpTest} (device-protocols §B.5) and the
 * line-per-field ones recorded in BEMCom's connector tests ({@code test_main.py}, {@code RAW_MESSAGES}).
 */
final class SampleReplies {

    static final String OPENEMS_REPORT_1 = "{\"ID\":\"1\",\"Product\":\"KC-P30-EC240422-E00\",\"Serial\":\"12345678\","
            + "\"Firmware\":\"P30 v 3.10.57 (240521-093236)\",\"COM-module\":0,\"Backend\":0,\"timeQ\":3,\"setBoot\":0,"
            + "\"DIP-Sw1\":\"0x25\",\"DIP-Sw2\":\"0x02\",\"Sec\":530786}\n";

    static final String OPENEMS_REPORT_2 = "{\"ID\":\"2\",\"State\":3,\"Error1\":0,\"Error2\":0,\"Plug\":7,\"AuthON\":0,\"Authreq\":0,"
            + "\"Enable sys\":0,\"Enable user\":0,\"Max curr\":6567,\"Max curr %\":1000,\"Curr HW\":32000,\"Curr user\":10000,"
            + "\"Curr FS\":0,\"Tmo FS\":0,\"Curr timer\":0,\"Tmo CT\":0,\"Setenergy\":0,\"Output\":0,\"Input\":0,"
            + "\"X2 phaseSwitch source\":3,\"X2 phaseSwitch\":0,\"Serial\":\"22054282\",\"Sec\":530786}\n";

    static final String OPENEMS_REPORT_3 = "{\"ID\":\"3\",\"U1\":229,\"U2\":230,\"U3\":231,\"I1\":7000,\"I2\":8000,\"I3\":9000,"
            + "\"P\":5678000,\"PF\":905,\"E pres\":65302,\"E total\":7747835,\"Serial\":\"22054282\",\"Sec\":534926}\n";

    static final String BEMCOM_REPORT_1 = "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-ES240022-E0R\",\n\"Serial\": \"17643683\",\n"
            + "\"Firmware\":\"P30 v 3.9.10 (171113-103030)\",\n\"COM-module\": 0,\n\"Backend\": 0,\n\"timeQ\": 2,\n\"Sec\": 67399365\n}\n";

    static final String BEMCOM_REPORT_2 = "{\n\"ID\": \"2\",\n\"State\": 1,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 0,\n\"AuthON\": 0,\n"
            + "\"Authreq\": 0,\n\"Enable sys\": 0,\n\"Enable user\": 0,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 0,\n"
            + "\"Curr user\": 16000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n"
            + "\"Output\": 0,\n\"Input\": 0,\n\"Serial\": \"17643683\",\n\"Sec\": 67399365\n}\n";

    static final String BEMCOM_REPORT_3 = "{\n\"ID\": \"3\",\n\"U1\": 0,\n\"U2\": 0,\n\"U3\": 0,\n\"I1\": 0,\n\"I2\": 0,\n\"I3\": 0,\n"
            + "\"P\": 0,\n\"PF\": 0,\n\"E pres\": 330130,\n\"E total\": 4781461,\n\"Serial\": \"17643683\",\n\"Sec\": 67399365\n}\n";

    private SampleReplies() {
    }
}
