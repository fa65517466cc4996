using AntDesign;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Status;
using Hamgam.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;

namespace Hamgam.Web.Features.Dashboard;

/// <summary>
/// The seed's SyncStatus card: last sync time, recently-synced tasks, the two manual buttons (spinning while the
/// job runs), the automatic-sync note, a refresh every 30 seconds, and live counts while a run is going.
/// </summary>
public sealed partial class SyncStatusCard
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>A run leaves the live list just before its row is completed; the card looks again this soon after.</summary>
    public static readonly TimeSpan RecheckDelay = TimeSpan.FromMilliseconds(250);

    // A sync pulls, then pushes: it has finished when both runs have, or as soon as one fails (the rest does not run).
    private static readonly SyncRunType[] SyncRuns = [SyncRunType.NotionToDb, SyncRunType.DbToNotion];
    private static readonly SyncRunType[] BackupRuns = [SyncRunType.DbToSheet];

    private readonly CancellationTokenSource _disposed = new();
    private SyncStatusSnapshot? _status;
    private bool _syncing;
    private PendingJob? _pending;
    private ITimer? _timer;
    private ITimer? _recheck;

    [Inject]
    private SyncStatusReader Reader { get; set; } = default!;

    [Inject]
    private SyncActivity Activity { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IMessageService Message { get; set; } = default!;

    [Inject]
    private Ui Ui { get; set; } = default!;

    [Inject]
    private FailedPushes Failed { get; set; } = default!;

    // The failed push a Retry or Discard click is working on.
    private long? _acting;

    // Registered by the job engine; until then the buttons say why they are off.
    private ISyncTriggers? Triggers { get; set; }

    private string? DisabledReason => Triggers is null
        ? Ui.T("اجرای دستی هنوز در این نصب فعال نیست.", "Manual runs are not enabled in this installation yet.")
        : null;

    // The seed's two lines, word for word in Persian, after what live sync adds.
    private string AutoSyncText => Ui.T(
        "• هر تغییر چند ثانیه پس از ذخیره به Notion می‌رسه\n• تا وقتی داشبورد بازه، هر ۳۰ ثانیه از Notion خونده می‌شه\n• هر 5 دقیقه از Notion sync می‌شه\n• هر ساعت در Sheet backup می‌گیره",
        "• Each save reaches Notion within seconds\n• Read from Notion every 30 seconds while the dashboard is open\n• Synced from Notion every 5 minutes\n• Backed up to the Sheet every hour");

    private int RecentPercent => _status is not { Tasks.Total: > 0 } s
        ? 0
        : (int)Math.Round(100.0 * s.Tasks.RecentlySynced / s.Tasks.Total);

    protected override async Task OnInitializedAsync()
    {
        Triggers = Services.GetService<ISyncTriggers>();
        Activity.Changed += OnActivityChanged;
        _timer = Time.CreateTimer(_ => _ = InvokeAsync(LoadStatusAsync), null, RefreshInterval, RefreshInterval);
        await LoadStatusAsync();
    }

    private Task SyncFromNotionAsync() =>
        RunAsync(SyncJob.Sync, SyncRuns, Ui.T("✅ همگام‌سازی از Notion انجام شد", "✅ Synced from Notion"), Ui.T("خطا در همگام‌سازی", "Sync failed"));

    private Task BackupToSheetAsync() =>
        RunAsync(SyncJob.Backup, BackupRuns, Ui.T("✅ Backup در Sheet انجام شد", "✅ Backed up to the Sheet"), Ui.T("خطا در Backup", "Backup failed"));

    private async Task RunAsync(SyncJob job, SyncRunType[] watched, string success, string failure)
    {
        if (Triggers is null || _syncing)
        {
            return;
        }

        _syncing = true;
        _pending = new PendingJob(watched, Time.GetUtcNow(), success, failure);
        try
        {
            await Triggers.TriggerAsync(job, _disposed.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A boundary: the job could not even be queued; say so, as the seed does, and free the buttons.
            _pending = null;
            _syncing = false;
            await Message.ErrorAsync(failure);
            return;
        }

        await LoadStatusAsync();
    }

    /// <summary>Sends a refused change again at the next push (push on save wakes at once).</summary>
    private Task RetryAsync(PushFailure failure) => ActAsync(failure, Failed.RetryAsync,
        Ui.T("دوباره در صف ارسال است.", "Queued to send again."));

    /// <summary>Drops a refused change, putting the record back as Notion has it.</summary>
    private Task DiscardAsync(PushFailure failure) => ActAsync(failure, Failed.DiscardAsync,
        Ui.T("کنار گذاشته شد؛ مقدار Notion برگشت.", "Discarded; Notion's value is back."));

    private async Task ActAsync(PushFailure failure, Func<long, CancellationToken, Task<bool>> act, string done)
    {
        _acting = failure.Id;
        try
        {
            if (await act(failure.Id, _disposed.Token))
            {
                await Message.SuccessAsync(done);
            }
            else
            {
                await Message.InfoAsync(Ui.T("این مورد دیگر ناموفق نیست.", "This push is no longer failed."));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Message.ErrorAsync(Ui.T($"انجام نشد: {ex.Message}", $"Could not do that: {ex.Message}"));
        }
        finally
        {
            _acting = null;
        }

        await LoadStatusAsync();
    }

    private async Task LoadStatusAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _status = await Reader.ReadAsync(_disposed.Token);
        await CompleteIfFinishedAsync();
        StateHasChanged();
    }

    // The buttons spin until the runs the click started have finished; then the seed's message says how it went.
    private async Task CompleteIfFinishedAsync()
    {
        if (_pending is not { } pending || _status is null)
        {
            return;
        }

        var runs = pending.Watched
            .Select(type => _status.LastRuns.FirstOrDefault(r => r.Type == type && r.StartedAt >= pending.Since - TimeSpan.FromSeconds(1)))
            .ToList();
        var failed = runs.Any(r => r is { Status: SyncRunStatus.Failed, CompletedAt: not null });
        if (!failed && runs.Any(r => r?.CompletedAt is null || _status.Running.Any(p => p.RunId == r.Id)))
        {
            // A run that has left the live list but whose row is not completed yet is being written: look again soon.
            if (runs.Any(r => r is { CompletedAt: null } && _status.Running.All(p => p.RunId != r.Id)))
            {
                RecheckSoon();
            }

            return;
        }

        _pending = null;
        _syncing = false;
        if (failed)
        {
            await Message.ErrorAsync(pending.Failure);
        }
        else
        {
            await Message.SuccessAsync(pending.Success);
        }
    }

    private void RecheckSoon()
    {
        _recheck?.Dispose();
        _recheck = Time.CreateTimer(_ => _ = InvokeAsync(LoadStatusAsync), null, RecheckDelay, Timeout.InfiniteTimeSpan);
    }

    private void OnActivityChanged(SyncProgress progress) => _ = InvokeAsync(LoadStatusAsync);

    public async ValueTask DisposeAsync()
    {
        Activity.Changed -= OnActivityChanged;
        await _disposed.CancelAsync();
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        if (_recheck is not null)
        {
            await _recheck.DisposeAsync();
        }

        _disposed.Dispose();
    }

    private sealed record PendingJob(SyncRunType[] Watched, DateTimeOffset Since, string Success, string Failure);
}
