package dev.asyncjavalin.ch01.templates;
import java.util.Map;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JtenotfoundGenerated {
	public static final String JTE_NAME = "not-found.jte";
	public static final int[] JTE_LINE_INFO = {0,0,0,0,0,0,0,0,3,3,4,4,4,7,7,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,9,9,11,11,11,12,0,0,1,2,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, String path, Map<String, String> routes) {
		dev.asyncjavalin.ch01.templates.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, "Not found", new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>Nothing at <code>");
				jteOutput.setContext("code", null);
				jteOutput.writeUserContent(path);
				jteOutput.writeContent("</code></h1>\n<p>This chapter serves:</p>\n<ul>\n");
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
				jteOutput.writeContent("\n</ul>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		String path = (String)params.get("path");
		Map<String, String> routes = (Map<String, String>)params.get("routes");
		render(jteOutput, jteHtmlInterceptor, path, routes);
	}
}
