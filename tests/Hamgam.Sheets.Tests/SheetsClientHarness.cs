using Hamgam.Testing;
using System.Diagnostics;
using Hamgam.Emulators.Sheets;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Sheets.Tests;

/// <summary>An emulator and a SheetsClient wired through AddSheetsClient, sharing one FakeTimeProvider.</summary>
public sealed class SheetsClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SheetsClientHarness(SheetsEmulator emulator, ServiceProvider services, DrivenClock clock, string spreadsheetId)
    {
        Emulator = emulator;
        _services = services;
        Clock = clock;
        SpreadsheetId = spreadsheetId;
        Client = services.GetRequiredService<SheetsClient>();
        Meter = services.GetRequiredService<SheetsRequestMeter>();
    }

    public SheetsEmulator Emulator { get; }

    public DrivenClock Clock { get; }

    public SheetsClient Client { get; }

    public SheetsRequestMeter Meter { get; }

    public string SpreadsheetId { get; }

    public static async Task<SheetsClientHarness> StartAsync(bool quota = false, int writesPerMinute = 60)
    {
        var clock = new DrivenClock(new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero));
        var emulator = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions { Clock = clock, QuotaEnabled = quota, WritesPerMinute = writesPerMinute });
        var id = emulator.Spreadsheets.CreateSpreadsheet(title: "پشتیبان همگام");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSheetsClient(o =>
        {
            o.BaseUrl = emulator.BaseUrl;
            o.CredentialsJson = emulator.CreateServiceAccountKeyJson();
        });
        return new SheetsClientHarness(emulator, services.BuildServiceProvider(), clock, id);
    }

    /// <summary>Advances the fake clock a second at a time, only while a timer waits on it, until <paramref name="task"/> completes.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task)
    {
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (Clock.PendingTimers > 0)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.Yield();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the call did not finish");
        }

        return await task;
    }

    /// <summary>Waits (without moving the clock) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            await Task.Yield();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "condition not reached");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
