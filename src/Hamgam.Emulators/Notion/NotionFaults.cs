namespace Hamgam.Emulators.Notion;

/// <summary>Faults injected into API answers of one emulator instance; all settable while it runs.</summary>
public sealed class NotionFaults
{
    private readonly Lock _gate = new();
    private readonly List<(string? PathContains, int Left)> _garbles = [];
    private Random _random = new();
    private int? _seed;
    private int _garbled;

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

    /// <summary>
    /// Fraction (0–1) of API requests that time out: the emulator waits <see cref="TimeoutStall"/> (real time) without
    /// answering and then drops the connection, without carrying the request out. A client with a shorter timeout gives up first.
    /// </summary>
    public double TimeoutRate { get; set; }

    /// <summary>How long a request drawn by <see cref="TimeoutRate"/> hangs before its connection is dropped.</summary>
    public TimeSpan TimeoutStall { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Carries out the next <paramref name="count"/> successful API requests whose path contains <paramref name="pathContains"/>
    /// (any request when null) but cuts each answer's JSON body off halfway, as a truncated or garbled response would arrive.
    /// </summary>
    public void GarbleNext(int count = 1, string? pathContains = null)
    {
        lock (_gate)
        {
            _garbles.Add((pathContains, count));
        }
    }

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
        TimeoutRate = 0;
        lock (_gate)
        {
            _garbles.Clear();
        }
    }

    /// <summary>How many answers <see cref="GarbleNext"/> has truncated so far.</summary>
    public int Garbled => Volatile.Read(ref _garbled);

    internal bool DrawGarble(string path)
    {
        lock (_gate)
        {
            var index = _garbles.FindIndex(g => g.PathContains is null || path.Contains(g.PathContains, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return false;
            }

            var (pathContains, left) = _garbles[index];
            if (left <= 1)
            {
                _garbles.RemoveAt(index);
            }
            else
            {
                _garbles[index] = (pathContains, left - 1);
            }

            _garbled++;
            return true;
        }
    }

    internal bool DrawTimeout()
    {
        lock (_gate)
        {
#pragma warning disable CA5394 // fault draws are for tests, not security
            return TimeoutRate > 0 && _random.NextDouble() < TimeoutRate;
#pragma warning restore CA5394
        }
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
