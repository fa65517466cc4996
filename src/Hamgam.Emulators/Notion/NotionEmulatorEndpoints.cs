using Hamgam.Emulators.Notion.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Hamgam.Emulators.Notion;

/// <summary>Maps the emulated Notion API (<c>/v1/...</c>) and its inspection surface (<c>/_emulator/notion/...</c>) into any app.</summary>
public static class NotionEmulatorEndpoints
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints, NotionEmulatorState state)
    {
        endpoints.Map("/v1/{**path}", context => NotionApiPipeline.HandleAsync(context, state));
        endpoints.Map(InspectionApi.Prefix + "/{**path}", context => InspectionApi.HandleAsync(context, state));
        return endpoints;
    }
}
