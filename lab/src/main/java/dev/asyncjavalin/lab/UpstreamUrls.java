package dev.asyncjavalin.lab;

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
        faults = Map.copyOf(faults);
    }

    /** URLs given by hand, e.g. {@code UPSTREAM_URLS=https://example.org,https://example.com}. */
    public static UpstreamUrls of(List<String> pages) {
        return new UpstreamUrls(pages, Map.of(), pages.size() + " URL(s) from UPSTREAM_URLS");
    }
}
