package lab.heartbeat.control;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Refuses, with 401, every request that does not carry the API's token as {@code Authorization: Bearer TOKEN}. */
final class TokenFilter extends Filter {
    private final byte[] expected;

    TokenFilter(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        // Constant time, so that the answer's timing tells nothing of how much of a guess was right.
        if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            Exchanges.sendError(exchange, new ApiError(401, given == null
                    ? "this control API needs its token: send 'Authorization: Bearer TOKEN'"
                    : "wrong token"));
        }
    }

    @Override
    public String description() {
        return "bearer token";
    }
}
