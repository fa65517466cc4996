using Bunit;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Web.Tests.Features.Dashboard;

public sealed class SyncStatusCardTests : IAsyncLifetime
{
    private readonly DashboardTestContext _ctx = new();

    public Task InitializeAsync() => _ctx.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_ctx).DisposeAsync();

    [Fact]
    public void Render_InPersian_ShowsTheSeedsTitleButtonsAndAutomaticSyncNote()
    {
        var card = _ctx.Render<SyncStatusCard>();

        card.WaitForAssertion(() => Assert.Contains("آخرین همگام‌سازی:", card.Markup, StringComparison.Ordinal));
        Assert.Contains("🔄 وضعیت همگام‌سازی", card.Markup, StringComparison.Ordinal);
        Assert.Contains("Sync از Notion", card.Markup, StringComparison.Ordinal);
        Assert.Contains("Backup در Sheet", card.Markup, StringComparison.Ordinal);
        Assert.Contains("همگام‌سازی خودکار", card.Markup, StringComparison.Ordinal);
        Assert.Contains("• هر 5 دقیقه از Notion sync می‌شه", card.Markup, StringComparison.Ordinal);
        Assert.Contains("• هر ساعت در Sheet backup می‌گیره", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyDatabase_ShowsZeroOfZeroWithoutDividingByZero()
    {
        var card = _ctx.Render<SyncStatusCard>();

        card.WaitForAssertion(() => Assert.Contains("۰/۰", card.Find("[data-testid=recently-synced]").TextContent, StringComparison.Ordinal));
        Assert.Contains("هرگز", card.Find("[data-testid=last-sync]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AfterAPull_ShowsLastSyncInSolarHijriAndRecentlySyncedCounts()
    {
        var now = _ctx.Database.Time.GetUtcNow();
        await _ctx.SaveAsync(db =>
        {
            db.Tasks.Add(new TaskItem { Name = "a", LastSynced = now.AddMinutes(-2) });
            db.Tasks.Add(new TaskItem { Name = "b", LastSynced = now.AddHours(-2) });
            db.SyncLog.Add(new SyncRun
            {
                Type = SyncRunType.NotionToDb, Status = SyncRunStatus.Success, StartedAt = now.AddMinutes(-3), CompletedAt = now.AddMinutes(-2),
            });
        });

        var card = _ctx.Render<SyncStatusCard>();

        // 08:28 UTC on 2026-11-24 is 11:58 on 1405/09/03 in Tehran.
        card.WaitForAssertion(() => Assert.Contains("۱۴۰۵/۰۹/۰۳ ۱۱:۵۸", card.Find("[data-testid=last-sync]").TextContent, StringComparison.Ordinal));
        Assert.Contains("۱/۲", card.Find("[data-testid=recently-synced]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutSyncTriggers_DisablesBothButtons()
    {
        var card = _ctx.Render<SyncStatusCard>();

        card.WaitForAssertion(() => Assert.Equal(2, card.FindAll("button[disabled]").Count));
    }

    [Fact]
    public async Task SyncFromNotion_Clicked_QueuesTheJobAndSpinsUntilThePullAndThePushHaveFinished()
    {
        var triggers = new RecordingTriggers();
        _ctx.Services.AddSingleton<ISyncTriggers>(triggers);
        var card = _ctx.Render<SyncStatusCard>();
        card.WaitForElement("[data-testid=last-sync]");

        await card.Find("button.sync-now").ClickAsync(new());

        Assert.Equal([SyncJob.Sync], triggers.Jobs);
        Assert.Equal(2, card.FindAll("button.ant-btn-loading").Count);

        await FinishRunAsync(7, SyncRunType.NotionToDb, SyncRunStatus.Success);
        card.WaitForState(() => card.Find("[data-testid=last-sync]").TextContent.Contains("۱۴۰۵", StringComparison.Ordinal));
        Assert.Equal(2, card.FindAll("button.ant-btn-loading").Count);

        await FinishRunAsync(8, SyncRunType.DbToNotion, SyncRunStatus.Success);
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("button.ant-btn-loading")));
    }

    [Fact]
    public async Task SyncFromNotion_PullFails_StopsSpinningWithoutWaitingForAPush()
    {
        _ctx.Services.AddSingleton<ISyncTriggers>(new RecordingTriggers());
        var card = _ctx.Render<SyncStatusCard>();
        card.WaitForElement("[data-testid=last-sync]");
        await card.Find("button.sync-now").ClickAsync(new());

        await FinishRunAsync(7, SyncRunType.NotionToDb, SyncRunStatus.Failed);

        card.WaitForAssertion(() => Assert.Empty(card.FindAll("button.ant-btn-loading")));
    }

    [Fact]
    public async Task SyncFromNotion_RunLeavesTheLiveListBeforeItsRowIsCompleted_LooksAgainSoonNotIn30Seconds()
    {
        _ctx.Services.AddSingleton<ISyncTriggers>(new RecordingTriggers());
        var card = _ctx.Render<SyncStatusCard>();
        card.WaitForElement("[data-testid=last-sync]");
        await card.Find("button.sync-now").ClickAsync(new());
        await FinishRunAsync(7, SyncRunType.NotionToDb, SyncRunStatus.Success);
        var now = _ctx.Database.Time.GetUtcNow();
        await _ctx.SaveAsync(db => db.SyncLog.Add(new SyncRun { Id = 8, Type = SyncRunType.DbToNotion, Status = SyncRunStatus.Running, StartedAt = now }));

        // As the run log does it: the live entry goes first, the row is completed a moment later.
        _ctx.Activity.Report(new SyncProgress(8, SyncRunType.DbToNotion, "pushing", 1, 1, 1, now));
        card.WaitForElement("[data-testid=live-progress]");
        _ctx.Activity.Finish(8);
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("[data-testid=live-progress]")));
        await _ctx.SaveAsync(db =>
        {
            var run = db.SyncLog.Single(r => r.Id == 8);
            run.Status = SyncRunStatus.Success;
            run.CompletedAt = now.AddSeconds(1);
        });
        Assert.Equal(2, card.FindAll("button.ant-btn-loading").Count);

        _ctx.Database.Time.Advance(SyncStatusCard.RecheckDelay);

        card.WaitForAssertion(() => Assert.Empty(card.FindAll("button.ant-btn-loading")));
    }

    private async Task FinishRunAsync(long id, SyncRunType type, SyncRunStatus status)
    {
        var now = _ctx.Database.Time.GetUtcNow();
        await _ctx.SaveAsync(db => db.SyncLog.Add(new SyncRun { Id = id, Type = type, Status = status, StartedAt = now, CompletedAt = now.AddSeconds(2) }));
        _ctx.Activity.Report(new SyncProgress(id, type, "pull", 5, 5, 2, now));
        _ctx.Activity.Finish(id);
    }

    [Fact]
    public void LiveProgress_WhileARunIsGoing_ShowsTheCountsMoving()
    {
        var card = _ctx.Render<SyncStatusCard>();
        card.WaitForElement("[data-testid=last-sync]");
        var started = _ctx.Database.Time.GetUtcNow();

        _ctx.Activity.Report(new SyncProgress(1, SyncRunType.NotionToDb, "tasks", 3, 40, 1, started));
        card.WaitForAssertion(() => Assert.Contains("۳/۴۰", card.Find("[data-testid=live-counts]").TextContent, StringComparison.Ordinal));

        _ctx.Activity.Report(new SyncProgress(1, SyncRunType.NotionToDb, "tasks", 25, 40, 6, started));
        card.WaitForAssertion(() => Assert.Contains("۲۵/۴۰", card.Find("[data-testid=live-counts]").TextContent, StringComparison.Ordinal));

        _ctx.Activity.Finish(1);
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("[data-testid=live-progress]")));
    }

    [Fact]
    public async Task Refresh_After30Seconds_ReadsTheStatusAgain()
    {
        var card = _ctx.Render<SyncStatusCard>();
        card.WaitForAssertion(() => Assert.Contains("۰/۰", card.Find("[data-testid=recently-synced]").TextContent, StringComparison.Ordinal));
        await _ctx.SaveAsync(db => db.Tasks.Add(new TaskItem { Name = "new" }));

        _ctx.Database.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Contains("۰/۰", card.Find("[data-testid=recently-synced]").TextContent, StringComparison.Ordinal);
        _ctx.Database.Time.Advance(TimeSpan.FromSeconds(1));

        card.WaitForAssertion(() => Assert.Contains("۰/۱", card.Find("[data-testid=recently-synced]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_InEnglish_UsesGregorianDatesAndEnglishLabels()
    {
        _ctx.UsePersian(false);
        var card = _ctx.Render<SyncStatusCard>();

        card.WaitForAssertion(() => Assert.Contains("Last sync:", card.Markup, StringComparison.Ordinal));
        Assert.Contains("Sync from Notion", card.Markup, StringComparison.Ordinal);
        Assert.Contains("0/0", card.Find("[data-testid=recently-synced]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedPushes_ShowNotionsMessage_RetryRequeuesOne_DiscardPutsNotionsValueBack()
    {
        var now = _ctx.Database.Time.GetUtcNow();
        var retried = new TaskItem { Name = "نام تازه", NotionId = "p1" };
        var discarded = new TaskItem { Name = "نام رد شده", NotionId = "p2", Notes = "یادداشت محلی" };
        await _ctx.SaveAsync(db =>
        {
            db.Tasks.AddRange(retried, discarded);
            db.Outbox.Add(new OutboxEntry { EntityKind = EntityKind.Task, EntityId = Guid.NewGuid(), Operation = OutboxOperation.Update, State = OutboxState.Done, CreatedAt = SentAt.AddSeconds(-1), CompletedAt = SentAt });
        });
        await _ctx.SaveAsync(db =>
        {
            db.Outbox.Add(Failed(retried.Id, "Status is expected to be status. \"Inbox\" is not an option.", now));
            db.Outbox.Add(Failed(discarded.Id, "body.properties.Name.title[0].text.content.length should be ≤ 2000", now));
        });

        var card = _ctx.Render<SyncStatusCard>();

        card.WaitForAssertion(() => Assert.Equal(2, card.FindAll("[data-testid=push-failures] li").Count));
        Assert.Contains("\"Inbox\" is not an option", card.Markup, StringComparison.Ordinal);
        // 08:00 UTC on 2026-11-24 is 11:30 on 1405/09/03 in Tehran.
        Assert.Contains("۱۴۰۵/۰۹/۰۳ ۱۱:۳۰", card.Find("[data-testid=last-push]").TextContent, StringComparison.Ordinal);

        await card.FindAll("[data-testid=push-failures] li")[0].QuerySelector("button.retry")!.ClickAsync(new());
        card.WaitForAssertion(() => Assert.Single(card.FindAll("[data-testid=push-failures] li")));
        await card.Find("[data-testid=push-failures] li button.discard").ClickAsync(new());
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("[data-testid=push-failures]")));

        await using var db = _ctx.Database.CreateContext();
        var states = await db.Outbox.Where(o => o.State != OutboxState.Done).OrderBy(o => o.Id).Select(o => o.State).ToListAsync();
        Assert.Equal([OutboxState.Pending, OutboxState.Discarded], states);
        Assert.Null((await db.Tasks.SingleAsync(t => t.Id == discarded.Id)).Notes);
    }

    private static readonly DateTimeOffset SentAt = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static OutboxEntry Failed(Guid taskId, string error, DateTimeOffset now) => new()
    {
        EntityKind = EntityKind.Task, EntityId = taskId, Operation = OutboxOperation.Update, State = OutboxState.Failed, Fields = "{\"notes\":\"یادداشت محلی\"}",
        LastError = error, LastFailedAt = now.AddMinutes(-1), CreatedAt = now.AddMinutes(-2),
    };
}
