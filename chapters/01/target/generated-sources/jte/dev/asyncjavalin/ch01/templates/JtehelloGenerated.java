package dev.asyncjavalin.ch01.templates;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JtehelloGenerated {
	public static final String JTE_NAME = "hello.jte";
	public static final int[] JTE_LINE_INFO = {0,0,0,0,0,0,0,1,1,2,2,2,4,4,4,5,0,0,0,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, String name) {
		dev.asyncjavalin.ch01.templates.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, "Hello", new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>Hello, ");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(name);
				jteOutput.writeContent("!</h1>\n<p class=\"muted\">The name came from the query string. JTE escaped it, so any HTML in it shows as text.</p>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		String name = (String)params.get("name");
		render(jteOutput, jteHtmlInterceptor, name);
	}
}
