using System.Diagnostics;
using System.Runtime;

namespace Hamgam.Bench;

/// <summary>
/// Samples this process's working set and GC heap every 50 ms while a pull runs. The Notion emulator runs in a child
/// process, so this process holds what Hamgam's own process would: the client, the puller, EF Core and the database
/// driver. Peaks are absolute (judged against the target) and also given as growth over the pre-pull baseline.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private const double MiB = 1024 * 1024;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _gen2Before = GC.CollectionCount(2);
    private readonly TimeSpan _pauseBefore = GC.GetTotalPauseDuration();
    private long _baselineWorkingSet;
    private long _baselineHeap;
    private long _peakWorkingSet;
    private long _peakHeap;
    private long _peakLiveAfterFullGc;
    private long _peakCommitted;
    private long _peakRssAnon;
    private bool _peakRssReset;
    private Task? _loop;

    public static Task<MemorySampler> StartAsync()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var sampler = new MemorySampler();
        using var process = Process.GetCurrentProcess();
        sampler._baselineWorkingSet = process.WorkingSet64;
        sampler._baselineHeap = GC.GetGCMemoryInfo().HeapSizeBytes;
        sampler._peakWorkingSet = sampler._baselineWorkingSet;
        sampler._peakHeap = sampler._baselineHeap;
        sampler._peakRssReset = ResetPeakRss();
        sampler._loop = Task.Run(sampler.LoopAsync);
        return Task.FromResult(sampler);
    }

    /// <summary>The GC configuration of this process, for the report header.</summary>
    public static string GcSettings()
    {
        var concurrent = AppContext.GetData("System.GC.Concurrent") is bool c ? c : true;
        var conserve = AppContext.GetData("System.GC.ConserveMemory") ?? Environment.GetEnvironmentVariable("DOTNET_GCConserveMemory") ?? "0";
        var hardLimit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / MiB;
        return $"{(GCSettings.IsServerGC ? "Server" : "Workstation")} GC, concurrent {(concurrent ? "on" : "off")}, latency mode {GCSettings.LatencyMode}, " +
            $"conserve memory {conserve}, memory available to the GC {hardLimit:N0} MB (the app itself, hamgam.dll, runs Server GC by the Web SDK default; " +
            "run the bench with DOTNET_gcServer=1 to measure under it)";
    }

    public async Task<MemorySampler> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop!;
        Sample();
        return this;
    }

    public void Dispose() => _stop.Dispose();

    public IReadOnlyList<Figure> Figures(int pages, string mode)
    {
        var (peakRss, _) = ReadStatus();
        var full = pages == 100_000;
        var scope = full ? "" : $" (at {pages:N0} pages; the 300 MB target is for 100,000)";
        return
        [
            new("P5", $"peak working set of Hamgam's process during the pull{scope}", _peakWorkingSet / MiB, "MB", full ? 300 : null, full ? Judge.AtMost : Judge.None,
                Note: $"{mode}; growth {(_peakWorkingSet - _baselineWorkingSet) / MiB:N0} MB over the {_baselineWorkingSet / MiB:N0} MB before the pull " +
                    $"(part of it one-off: code loaded and compiled on first use); peak RSS by the kernel (VmHWM{(_peakRssReset ? ", reset at the start" : ", whole process life")}) " +
                    $"{peakRss / MiB:N0} MB, of which anonymous memory at most {_peakRssAnon / MiB:N0} MB; the emulator runs in a child process"),
            new("P5", $"peak GC heap during the pull{scope}", _peakHeap / MiB, "MB", full ? 300 : null, full ? Judge.AtMost : Judge.None,
                Note: $"growth {(_peakHeap - _baselineHeap) / MiB:N0} MB over {_baselineHeap / MiB:N0} MB (after a full GC); largest heap left after a full GC " +
                    $"{_peakLiveAfterFullGc / MiB:N0} MB; GC committed at most {_peakCommitted / MiB:N0} MB; {GC.CollectionCount(2) - _gen2Before} gen2 GCs, GC pauses {(GC.GetTotalPauseDuration() - _pauseBefore).TotalMilliseconds:N0} ms; sampled every 50 ms"),
        ];
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
        var any = GC.GetGCMemoryInfo(GCKind.Any);
        _peakHeap = Math.Max(_peakHeap, Math.Max(any.HeapSizeBytes, GC.GetTotalMemory(false)));
        _peakCommitted = Math.Max(_peakCommitted, any.TotalCommittedBytes);
        _peakRssAnon = Math.Max(_peakRssAnon, ReadStatus().RssAnon);
        var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        _peakLiveAfterFullGc = Math.Max(_peakLiveAfterFullGc, Math.Max(
            full.Index == 0 ? 0 : full.HeapSizeBytes - full.FragmentedBytes,
            background.Index == 0 ? 0 : background.HeapSizeBytes - background.FragmentedBytes));
    }

    /// <summary>Linux: writing 5 to /proc/self/clear_refs resets the peak resident set size (VmHWM).</summary>
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static (long PeakRss, long RssAnon) ReadStatus()
    {
        long Kb(string line) => long.Parse(line.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        try
        {
            var lines = File.ReadAllLines("/proc/self/status");
            return (lines.Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Select(Kb).FirstOrDefault(),
                lines.Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Select(Kb).FirstOrDefault());
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }
}
