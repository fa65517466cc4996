using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hamgam.Web.Infrastructure;

/// <summary>JSON, ProblemDetails and OpenAPI for the REST API.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddHamgamApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            // Persian text is returned as text, not as \uXXXX escapes; HTML-sensitive characters stay escaped.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseHamgamErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Malformed JSON, a wrong content type or an unreadable body is the caller's mistake: a 400 that says so.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = "The request could not be read.",
                    Detail = bad.InnerException is System.Text.Json.JsonException json ? $"Malformed JSON: {json.Message}" : bad.Message,
                },
            });
        }
    }
}
