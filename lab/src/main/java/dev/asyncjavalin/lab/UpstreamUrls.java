package dev.asyncjavalin.lab;

import io.javalin.http.BadRequestResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chapter app fetches: the pages of its normal workload and, when the embedded upstream
 * runs, one URL per fault so the learner can watch each failure become a row.
 *
 * @param pages       the page URLs fetched by default
 * @param faults      label to URL, one per fault mode (empty for real URLs)
 * @param description one line saying where these URLs come from
 */
public record UpstreamUrls(List<String> pages, Map<String, String> faults, String description) {

    public UpstreamUrls {
        pages = List.copyOf(pages);
        faults = Collections.unmodifiableMap(new LinkedHashMap<>(faults)); // keeps the order faults are listed in
    }

    /**
     * The URL set a request asks for with {@code ?set=}: {@code pages} (the default) or
     * {@code faults}; anything else is a 400 that says what is allowed.
     */
    public List<String> select(String set) {
        if (set == null || set.equals("pages")) {
            return pages;
        }
        if (set.equals("faults")) {
            if (faults.isEmpty()) {
                throw new BadRequestResponse("Query parameter 'set': there are no fault URLs when UPSTREAM_URLS names real pages");
            }
            return List.copyOf(faults.values());
        }
        throw new BadRequestResponse("Query parameter 'set' must be 'pages' or 'faults', got '" + set + "'");
    }

    /** URLs given by hand, e.g. {@code UPSTREAM_URLS=https://example.org,https://example.com}. */
    public static UpstreamUrls of(List<String> pages) {
        return new UpstreamUrls(pages, Map.of(), pages.size() + " URL(s) from UPSTREAM_URLS");
    }
}
