package dev.asyncjavalin.lab;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before any route sees it (an address or headers too large,
 * a request line it cannot read). Jetty's own page is an HTML table that names "/badMessage" as the
 * address; this says in one plain sentence what was wrong and what to do instead.
 */
class PlainErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        int limit = request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize();
        String text = switch (code) {
            case 414 -> "414 URI Too Long: the address with its query string is over the server's limit of " + limit
                    + " bytes; a value that long does not belong in a query string\n";
            case 431 -> "431 Request Header Fields Too Large: the request's headers are over the server's limit of " + limit + " bytes\n";
            default -> code + " " + (message == null ? "the server could not read this request" : message) + "\n";
        };
        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
