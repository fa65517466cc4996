using System.Diagnostics;

namespace Hamgam.Bench;

/// <summary>
/// Samples the process working set and the GC heap every 50 ms while a pull runs. The emulator (holding every
/// seeded page) lives in the same process, so the figures are given both as peaks and as growth over the
/// pre-pull baseline; the growth is the pull's own footprint.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private const double MiB = 1024 * 1024;
    private readonly CancellationTokenSource _stop = new();
    private long _baselineWorkingSet;
    private long _baselineHeap;
    private long _peakWorkingSet;
    private long _peakHeap;
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
        sampler._peakHeap = Math.Max(sampler._baselineHeap, GC.GetTotalMemory(false));
        sampler._loop = Task.Run(sampler.LoopAsync);
        return Task.FromResult(sampler);
    }

    public async Task<MemorySampler> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop!;
        Sample();
        return this;
    }

    public void Dispose() => _stop.Dispose();

    public IReadOnlyList<Figure> Figures() =>
    [
        new("P5", "peak working set growth during the pull", (_peakWorkingSet - _baselineWorkingSet) / MiB, "MB", 300, Judge.AtMost,
            Note: $"absolute peak {_peakWorkingSet / MiB:N0} MB incl. the in-process emulator holding every page (baseline {_baselineWorkingSet / MiB:N0} MB before the pull)"),
        new("P5", "peak GC heap growth during the pull", (_peakHeap - _baselineHeap) / MiB, "MB", 300, Judge.AtMost,
            Note: $"absolute peak {_peakHeap / MiB:N0} MB (baseline {_baselineHeap / MiB:N0} MB, after a full GC); sampled every 50 ms"),
    ];

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
        _peakHeap = Math.Max(_peakHeap, Math.Max(GC.GetGCMemoryInfo().HeapSizeBytes, GC.GetTotalMemory(false)));
    }
}
