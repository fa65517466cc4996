namespace Hamgam.Bench;

/// <summary>
/// Real time plus an offset. Seeding moves the offset into the past so pages get spread-out created times (Notion
/// lists past its 10,000-results cap by created_time windows); the emulator's rate limiter then runs on real time.
/// </summary>
internal sealed class ShiftingClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
