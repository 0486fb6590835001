package com.docketwatch.alerts.delivery;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The first {@link #LIMIT} bytes of a receiver's answer, kept for the attempt log: read as UTF-8 (a
 * malformed byte becomes U+FFFD; a character cut by the limit is dropped), line breaks as {@code \n}, and
 * every other control character (C0, DEL, C1; NUL included) a space, so the text is safe to store and
 * show.
 */
final class ResponseExcerpt {
    static final int LIMIT = 1024;

    private final byte[] bytes = new byte[LIMIT];
    private int size;

    /** Keeps what fits of {@code content}; the rest of the answer is read and dropped. */
    void add(ByteBuffer content) {
        int n = Math.min(content.remaining(), LIMIT - size);
        content.get(bytes, size, n);
        size += n;
        content.position(content.limit());
    }

    /** The excerpt, or null when the answer had no body. */
    String text() {
        return of(bytes, size);
    }

    static String of(byte[] raw, int length) {
        int end = Math.min(length, raw.length);
        if (end == LIMIT) {
            end = completeUpTo(raw, end);
        }
        if (end == 0) {
            return null;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars;
        try {
            chars = utf8.decode(ByteBuffer.wrap(raw, 0, end));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // not with REPLACE
        }
        StringBuilder out = new StringBuilder(chars.length());
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < chars.length() && chars.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The end of the last whole UTF-8 sequence at or before {@code end}: a cut character is left out. */
    private static int completeUpTo(byte[] raw, int end) {
        int start = end - 1;
        while (start >= 0 && start > end - 4 && (raw[start] & 0xC0) == 0x80) {
            start--; // continuation bytes
        }
        if (start < 0) {
            return end;
        }
        int lead = raw[start] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return end - start < needed ? start : end;
    }
}
