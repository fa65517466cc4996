using Bunit;
using Hamgam.Core.Data;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Tasks;
using Hamgam.Web.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Tests.Features.Sync;

public sealed class ConflictsPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _ctx = new();

    public Task InitializeAsync() => _ctx.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_ctx).DisposeAsync();

    [Fact]
    public async Task Render_AnOpenConflict_ShowsNotionsValueAndMineSideBySide()
    {
        await SeedConflictAsync();

        var page = _ctx.Render<ConflictsPage>();

        page.WaitForAssertion(() => Assert.Equal("خرید دو کتاب", page.Find(".conflict [data-testid=notion-value] .value").TextContent));
        Assert.Equal("خرید کتاب داستان", page.Find(".conflict [data-testid=my-value] .value").TextContent);
        Assert.Contains("خرید دو کتاب · Name", page.Find(".conflict").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=no-conflicts]"));
    }

    [Fact]
    public async Task KeepNotion_Clicked_ClosesTheConflictAndLeavesTheInboxEmpty()
    {
        var id = await SeedConflictAsync();
        var page = _ctx.Render<ConflictsPage>();
        page.WaitForElement("button.keep-notion");

        await page.Find("button.keep-notion").ClickAsync(new());

        page.WaitForElement("[data-testid=no-conflicts]");
        await using var db = await _ctx.Database.Factory.CreateDbContextAsync();
        Assert.Equal(ConflictResolution.KeepNotion, (await db.Conflicts.SingleAsync(c => c.Id == id)).Resolution);
    }

    private async Task<Guid> SeedConflictAsync()
    {
        var task = new TaskItem { Name = "خرید دو کتاب", NotionId = "11111111-2222-3333-4444-555555555555" };
        var id = Guid.NewGuid();
        await _ctx.SaveAsync(db =>
        {
            db.Tasks.Add(task);
            db.Conflicts.Add(new SyncConflict
            {
                Id = id, EntityKind = EntityKind.Task, EntityId = task.Id, Field = "name", BaseValue = "خرید کتاب",
                LocalValue = "خرید کتاب داستان", RemoteValue = "خرید دو کتاب", DetectedAt = _ctx.Database.Time.GetUtcNow(),
            });
        });
        return id;
    }
}
