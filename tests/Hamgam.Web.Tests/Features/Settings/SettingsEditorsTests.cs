using Bunit;
using Hamgam.Core.Data;
using Hamgam.Core.Settings;
using Hamgam.Core.Sync;
using Hamgam.Notion;
using Hamgam.Web.Features.Settings;
using Hamgam.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Tests.Features.Settings;

public sealed class SettingsEditorsTests : IAsyncLifetime
{
    private readonly DashboardTestContext _ctx = new();
    private readonly string _jobsFile = Path.Combine(Path.GetTempPath(), $"hamgam-jobs-{Guid.NewGuid():N}.db");
    private SQLiteStorage? _storage;

    public async Task InitializeAsync()
    {
        await _ctx.InitializeAsync();
        _storage = new SQLiteStorage(_jobsFile, new SQLiteStorageOptions());
        var store = new SettingsStore(_ctx.Database.Factory, _ctx.Database.Time);
        _ctx.Services.AddSingleton(store);
        _ctx.Services.AddSingleton(new SavedPropertyNames(store));
        _ctx.Services.AddSingleton(Options.Create(new SyncOptions()));
        _ctx.Services.AddSingleton(Options.Create(new NotionSyncOptions()));
        _ctx.Services.AddSingleton<JobStorage>(_storage);
        _ctx.Services.AddSingleton<IRecurringJobManager>(new RecurringJobManager(_storage));
        _ctx.Services.AddSingleton<JobSchedules>();
        _ctx.Services.AddNotionClient(o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
        _ctx.Services.AddTransient<MappingChecker>();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_ctx).DisposeAsync();
        _storage?.Dispose();
        File.Delete(_jobsFile);
    }

    [Fact]
    public async Task Schedule_BadCron_InPersian_SaysWhyAndSavesNothing()
    {
        var form = _ctx.Render<ScheduleEditor>();

        form.Find("#cron-sync").Input("every five minutes");
        form.Find("[data-testid=schedule-form]").Submit();

        var error = form.Find("[data-job=sync] .form-error").TextContent;
        Assert.Contains("«every five minutes» ۳ بخش دارد؛ cron پنج بخش می‌خواهد", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ذخیره شد", form.Markup, StringComparison.Ordinal);
        Assert.Empty(await _ctx.Services.GetRequiredService<SettingsStore>().GetSchedulesAsync());
    }

    [Fact]
    public void Schedule_BadField_InEnglish_SaysItIsNotValid()
    {
        _ctx.UsePersian(false);
        var form = _ctx.Render<ScheduleEditor>();

        form.Find("#cron-backup").Input("61 * * * *");

        var error = form.Find("[data-job=backup] .form-error").TextContent;
        Assert.StartsWith("\"61 * * * *\" is not a valid cron expression", error, StringComparison.Ordinal);
        Assert.Equal("true", form.Find("#cron-backup").GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData(true, "۱۴۰۵/۰۹/۰۴ ۰۶:۰۰")]
    [InlineData(false, "2026-11-25 06:00")]
    public void Schedule_Preview_ShowsTheNextRunsInTheUsersZone_SolarHijriInPersian_GregorianInEnglish(bool persian, string firstRun)
    {
        _ctx.UsePersian(persian);
        var form = _ctx.Render<ScheduleEditor>();

        form.Find("#cron-recurring").Input("0 6 * * *");

        // 2026-11-24 08:30 UTC is 12:00 in Tehran, so the next 06:00 there is tomorrow (1405/09/04).
        Assert.StartsWith(firstRun, form.FindAll("[data-testid=preview-recurring] .run")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(3, form.FindAll("[data-testid=preview-recurring] .run").Count);
    }

    [Fact]
    public void Schedule_Saved_IsStoredAndAppliedToTheJobs_OffRemovesTheJob()
    {
        var form = _ctx.Render<ScheduleEditor>();

        form.Find("#cron-sync").Input("*/30 * * * *");
        form.Find("#cron-backup").Input("OFF");
        form.Find("[data-testid=schedule-form]").Submit();

        form.WaitForAssertion(() => Assert.Contains("ذخیره شد", form.Markup, StringComparison.Ordinal));
        using var connection = _storage!.GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal("*/30 * * * *", jobs[JobSchedules.SyncId].Cron);
        Assert.False(jobs.ContainsKey(JobSchedules.BackupId));
        Assert.Contains("خاموش", form.Find("[data-testid=preview-backup]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "نام ویژگی Notion را بنویسید (یا «پیش‌فرض» را بزنید).")]
    [InlineData(false, "Enter the Notion property's name (or reset to default).")]
    public void Mapping_EmptyName_AsksForOne_InTheUiLanguage(bool persian, string message)
    {
        _ctx.UsePersian(persian);
        var form = _ctx.Render<MappingEditor>(p => p.Add(e => e.Kind, EntityKind.Task));

        form.Find("tr[data-field=notes] input").Input("  ");
        form.Find("[data-testid=mapping-Task]").Submit();

        Assert.Equal(message, form.Find("tr[data-field=notes] .form-error").TextContent);
        Assert.Null(_ctx.Services.GetRequiredService<SavedPropertyNames>().Current.Find(EntityKind.Task, "notes"));
    }

    [Fact]
    public void Mapping_NotionNotConfigured_SavesWithAWarning_AndResetToDefaultRemovesTheName()
    {
        _ctx.UsePersian(false);
        var form = _ctx.Render<MappingEditor>(p => p.Add(e => e.Kind, EntityKind.Habit));

        form.Find("tr[data-field=status] input").Input("State");
        form.Find("[data-testid=mapping-Habit]").Submit();
        form.WaitForAssertion(() => Assert.Contains("Saved;", form.Markup, StringComparison.Ordinal));
        Assert.Contains("Could not check against Notion", form.Markup, StringComparison.Ordinal);
        var saved = _ctx.Services.GetRequiredService<SavedPropertyNames>();
        Assert.Equal("State", saved.Current.Find(EntityKind.Habit, "status"));

        form.Find("tr[data-field=status] button.reset").Click();
        form.Find("[data-testid=mapping-Habit]").Submit();
        form.WaitForAssertion(() => Assert.Null(saved.Current.Find(EntityKind.Habit, "status")));
        Assert.Equal("Status", form.Find("tr[data-field=status] input").GetAttribute("value"));
    }
}
