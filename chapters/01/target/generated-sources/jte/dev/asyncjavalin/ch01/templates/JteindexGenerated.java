package dev.asyncjavalin.ch01.templates;
import java.util.Map;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JteindexGenerated {
	public static final String JTE_NAME = "index.jte";
	public static final int[] JTE_LINE_INFO = {0,0,0,0,0,0,0,0,2,2,6,6,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,8,8,10,10,10,11,0,0,1,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Map<String, String> routes) {
		dev.asyncjavalin.ch01.templates.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, "Home", new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>Sync routes</h1>\n<p class=\"lead\">Every request below holds one server thread from the moment it arrives until its answer is written.</p>\n<nav class=\"routes\"><ul>\n");
				for (var route : routes.entrySet()) {
					jteOutput.writeContent("\n  <li><a");
					var __jte_html_attribute_0 = route.getKey();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
						jteOutput.writeContent(" href=\"");
						jteOutput.setContext("a", "href");
						jteOutput.writeUserContent(__jte_html_attribute_0);
						jteOutput.setContext("a", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent("><code>");
					jteOutput.setContext("code", null);
					jteOutput.writeUserContent(route.getKey());
					jteOutput.writeContent("</code></a> — ");
					jteOutput.setContext("li", null);
					jteOutput.writeUserContent(route.getValue());
					jteOutput.writeContent("</li>\n");
				}
				jteOutput.writeContent("\n</ul></nav>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Map<String, String> routes = (Map<String, String>)params.get("routes");
		render(jteOutput, jteHtmlInterceptor, routes);
	}
}
