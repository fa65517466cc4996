using Hamgam.Notion.Tests.Support;

namespace Hamgam.Notion.Tests;

/// <summary>A 200 whose JSON body is cut off or garbled: reads are asked again once; anything else is a clear, transient error.</summary>
public sealed class UnreadableBodyTests
{
    private const string Me = """{"object":"user","id":"00000000-0000-4000-8000-0000000000f1","type":"bot","bot":{},"name":"Hamgam"}""";

    [Fact]
    public async Task Read_TruncatedBodyOnce_IsAskedAgainAndSucceeds()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, Me[..(Me.Length / 2)]);
        host.Server.Enqueue(200, Me);

        var user = await host.Client.Users.MeAsync();

        Assert.Equal("Hamgam", user.Name);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Read_GarbledBodyTwice_IsATransientInvalidResponseNamingTheRequest()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, "{\"object\":\"user\",\"id\":<<garbage>>");
        host.Server.Enqueue(200, Me[..10]);

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Users.MeAsync());

        Assert.Equal((200, "invalid_response", true), (ex.Status, ex.Code, ex.IsTransient));
        Assert.Contains("/v1/users/me", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task CreatePage_TruncatedAnswer_IsNotSentAgain()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, """{"object":"page","id":""");

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Pages.CreateAsync(
            CreatePageRequest.InDataSource("00000000-0000-4000-8000-0000000000d1", new Dictionary<string, PropertyInput> { ["Name"] = PropertyInput.Title("x") })));

        Assert.Equal("invalid_response", ex.Code);
        Assert.Single(host.Server.Requests);
    }
}
