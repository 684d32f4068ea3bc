package org.bemgate.webconsole.internal.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Takes the first file out of a {@code multipart/form-data} body, for {@code curl -F file=@x.jar}; the
 * browser console sends the raw jar instead.
 */
final class Multipart {

    private Multipart() {
    }

    static byte[] firstFile(byte[] body, String contentType) {
        String boundary = null;
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.startsWith("boundary=")) {
                boundary = p.substring(9).replace("\"", "");
            }
        }
        if (boundary == null) {
            throw new ApiException(400, "multipart body without boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int headersStart = pos + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                break;
            }
            if (headers.toLowerCase(java.util.Locale.ROOT).contains("filename=")) {
                return Arrays.copyOfRange(body, headersEnd + 4, next);
            }
            pos = next + 2;
        }
        throw new ApiException(400, "multipart body holds no file part");
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
