package dev.asyncjavalin.ch05;

/**
 * What the team is told when a request fails: enough to find it in the logs, and not a line of
 * stack trace (that stays in the server's own log).
 */
record Alert(String requestId, String method, String path, String problem) {

    /** The body a chat webhook expects: {@code {"text": "..."}}. */
    String toJson() {
        String text = "500 on " + method + " " + path + " (request " + requestId + "): " + problem;
        return "{\"text\":\"" + jsonEscaped(text) + "\",\"request_id\":\"" + jsonEscaped(requestId) + "\"}";
    }

    /** JSON string escaping: quotes, backslashes and control characters; everything else as is. */
    static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
