namespace Hamgam.Web.Features.Dashboard;

/// <summary>A Persian, right-to-left landing page until the Blazor dashboard arrives.</summary>
public static class DashboardPlaceholder
{
    private const string Page = """
        <!doctype html>
        <html lang="fa" dir="rtl">
        <head><meta charset="utf-8"><title>همگام</title>
        <style>body{font-family:Vazirmatn,Tahoma,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.8}</style></head>
        <body><h1>🔄 همگام</h1>
        <p>داشبورد شخصی که با Notion همگام می‌ماند و در Google Sheets پشتیبان می‌گیرد.</p>
        <p>Hamgam is running. The dashboard is on its way.</p></body></html>
        """;

    public static IEndpointRouteBuilder MapDashboardPlaceholder(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
