using System.Globalization;
using System.Threading.Channels;
using Hamgam.Core.Data;
using Hamgam.Core.Sync.Live;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hamgam.Web.Infrastructure.Live;

/// <summary>
/// Carries committed changes between instances that share one PostgreSQL, through its LISTEN/NOTIFY: this instance's
/// changes are announced on a channel, and the others' are published to this process's <see cref="ChangeFeed"/>, so
/// open pages on every instance update. Payloads carry topics only. Not used on SQLite (one process owns the file).
/// </summary>
public sealed partial class PostgresChangeRelay(ChangeFeed feed, IOptions<DatabaseOptions> database, TimeProvider time, ILogger<PostgresChangeRelay> logger)
    : BackgroundService
{
    public const string ChannelName = "hamgam_changes";
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    private readonly Channel<LiveChange> _outgoing = Channel.CreateBounded<LiveChange>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.ProviderKind != DatabaseProvider.Postgres)
        {
            return;
        }

        feed.Changed += OnLocalChange;
        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), AnnounceAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            feed.Changed -= OnLocalChange;
        }
    }

    private void OnLocalChange(LiveChange change)
    {
        if (!change.FromOtherInstance)
        {
            _outgoing.Writer.TryWrite(change);
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenAsync(keepAlive: true, cancellationToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                LogRelayLost(logger, ex.GetType().Name);
                await Task.Delay(Reconnect, time, cancellationToken);
            }
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        while (await _outgoing.Reader.WaitToReadAsync(cancellationToken))
        {
            var topics = LiveTopics.None;
            var outbox = false;
            while (_outgoing.Reader.TryRead(out var change))
            {
                topics |= change.Topics;
                outbox |= change.OutboxQueued;
            }

            try
            {
                await using var connection = await OpenAsync(keepAlive: false, cancellationToken);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", ChannelName);
                notify.Parameters.AddWithValue("payload", Payload(topics, outbox));
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                // Other instances miss this one change; their pages still reload on the next one, and the data is in the database.
                LogRelayLost(logger, ex.GetType().Name);
            }
        }
    }

    private string Payload(LiveTopics topics, bool outbox) =>
        string.Create(CultureInfo.InvariantCulture, $"{_instance}:{(int)topics}:{(outbox ? 1 : 0)}");

    private void Receive(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length != 3 || parts[0] == _instance || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var topics))
        {
            return;
        }

        feed.Publish(new LiveChange((LiveTopics)topics & LiveTopics.All, parts[2] == "1", FromOtherInstance: true));
    }

    private async Task<NpgsqlConnection> OpenAsync(bool keepAlive, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ResolveConnectionString());
        if (keepAlive)
        {
            // The listening connection stays open and unpooled; keepalives notice a dead server.
            builder.Pooling = false;
            builder.KeepAlive = 30;
        }

        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "The PostgreSQL change relay lost its connection ({Error}); reconnecting.")]
    private static partial void LogRelayLost(ILogger logger, string error);
}
