package dev.asyncjavalin.ch05;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the team is told when a request fails: enough to find it in the logs, and not a line of
 * stack trace (that stays in the server's own log).
 */
record Alert(String requestId, String method, String path, String problem) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body a chat webhook expects: {@code {"text": "..."}}; Jackson escapes what a path or a message may hold. */
    String toJson() {
        String text = "500 on " + method + " " + path + " (request " + requestId + "): " + problem;
        return JSON.writeValueAsString(JSON.createObjectNode().put("text", text).put("request_id", requestId));
    }
}
