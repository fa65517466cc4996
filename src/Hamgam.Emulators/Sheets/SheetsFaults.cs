namespace Hamgam.Emulators.Sheets;

/// <summary>What the emulator does to one API request before serving it.</summary>
internal enum FaultKind
{
    None,
    Fail,
    Drop,
}

/// <summary>
/// Fault injection for API requests (not the token endpoint or the contents view): added latency on the
/// emulator's clock, a fraction of error answers, dropped connections, and queued one-off faults.
/// </summary>
public sealed class SheetsFaults
{
    private readonly Queue<(FaultKind Kind, int Status)> _queued = new();
    private readonly Lock _gate = new();
    private Random _random = new(1234);

    /// <summary>Delay before each API answer, measured on the emulator's clock.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fraction (0–1) of API requests answered with one of <see cref="ErrorStatuses"/>.</summary>
    public double ErrorRate { get; set; }

    /// <summary>The statuses random errors are drawn from: 429, 500, 502 and 503 unless changed.</summary>
    public IReadOnlyList<int> ErrorStatuses { get; set; } = [429, 500, 502, 503];

    /// <summary>Fraction (0–1) of API requests whose connection is dropped without an answer.</summary>
    public double DropRate { get; set; }

    /// <summary>Answers the next <paramref name="count"/> API requests with <paramref name="status"/> (429, 500, 502, 503, 400, 403 or 404).</summary>
    public void FailNext(int status, int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queued.Enqueue((FaultKind.Fail, status));
            }
        }
    }

    /// <summary>Serves the next <paramref name="count"/> API requests normally, so faults queued after this call hit later requests.</summary>
    public void PassNext(int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queued.Enqueue((FaultKind.None, 0));
            }
        }
    }

    /// <summary>Drops the connection of the next <paramref name="count"/> API requests.</summary>
    public void DropNext(int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queued.Enqueue((FaultKind.Drop, 0));
            }
        }
    }

    /// <summary>Makes the random faults repeatable.</summary>
    public void Seed(int seed)
    {
        lock (_gate)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _queued.Clear();
            Latency = TimeSpan.Zero;
            ErrorRate = 0;
            DropRate = 0;
        }
    }

    internal (FaultKind Kind, int Status) Next()
    {
        lock (_gate)
        {
            if (_queued.TryDequeue(out var queued))
            {
                return queued;
            }

            if (DropRate > 0 && _random.NextDouble() < DropRate)
            {
                return (FaultKind.Drop, 0);
            }

            if (ErrorRate > 0 && ErrorStatuses.Count > 0 && _random.NextDouble() < ErrorRate)
            {
                return (FaultKind.Fail, ErrorStatuses[_random.Next(ErrorStatuses.Count)]);
            }

            return (FaultKind.None, 0);
        }
    }

    internal static SheetsError ErrorFor(int status, bool write) => status switch
    {
        429 => SheetsQuota.Exhausted(write, 60),
        400 => SheetsError.InvalidArgument("Request contains an invalid argument."),
        403 => SheetsError.PermissionDenied(),
        404 => SheetsError.NotFound(),
        500 => new SheetsError(500, "INTERNAL", "Internal error encountered."),
        503 => new SheetsError(503, "UNAVAILABLE", "The service is currently unavailable."),
        504 => new SheetsError(504, "DEADLINE_EXCEEDED", "The request timed out."),
        _ => new SheetsError(status, "UNKNOWN", "Injected fault."),
    };
}
