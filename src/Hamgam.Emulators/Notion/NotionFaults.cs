namespace Hamgam.Emulators.Notion;

/// <summary>Faults injected into API answers of one emulator instance; all settable while it runs.</summary>
public sealed class NotionFaults
{
    private readonly Lock _gate = new();
    private Random _random = new();
    private int? _seed;

    /// <summary>Extra delay before every API answer (real time, not the emulator clock).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fraction (0–1) of API requests answered with one of <see cref="ErrorStatuses"/>.</summary>
    public double ErrorRate { get; set; }

    /// <summary>The statuses injected errors are drawn from: any of 429, 500, 502, 503, 504.</summary>
    public IList<int> ErrorStatuses { get; } = [429, 500, 502, 503, 504];

    /// <summary>Fraction (0–1) of API requests whose connection is dropped without an answer.</summary>
    public double DropConnectionRate { get; set; }

    /// <summary>The Retry-After (seconds) sent with injected 429s.</summary>
    public int InjectedRetryAfterSeconds { get; set; } = 1;

    /// <summary>Fraction of requests that are carried out but whose answer never arrives (the connection drops after the write).</summary>
    public double LostResponseRate { get; set; }

    /// <summary>Seeds the random draws so a test sees the same faults every run.</summary>
    public int? Seed
    {
        get => _seed;
        set
        {
            lock (_gate)
            {
                _seed = value;
#pragma warning disable CA5394 // fault draws are for tests, not security
                _random = value is { } seed ? new Random(seed) : new Random();
#pragma warning restore CA5394
            }
        }
    }

    /// <summary>Turns every fault off.</summary>
    public void Clear()
    {
        Latency = TimeSpan.Zero;
        ErrorRate = 0;
        DropConnectionRate = 0;
        LostResponseRate = 0;
    }

    internal bool DrawLostResponse()
    {
        lock (_gate)
        {
            return LostResponseRate > 0 && _random.NextDouble() < LostResponseRate;
        }
    }

    internal (bool Drop, int? Status) Draw()
    {
        lock (_gate)
        {
#pragma warning disable CA5394 // fault draws are for tests, not security
            var drop = DropConnectionRate > 0 && _random.NextDouble() < DropConnectionRate;
            if (drop)
            {
                return (true, null);
            }
            if (ErrorRate > 0 && ErrorStatuses.Count > 0 && _random.NextDouble() < ErrorRate)
            {
                return (false, ErrorStatuses[_random.Next(ErrorStatuses.Count)]);
            }
#pragma warning restore CA5394
            return (false, null);
        }
    }
}
