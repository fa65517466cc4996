using HangfireLogLevel = Hangfire.Logging.LogLevel;
using ILog = Hangfire.Logging.ILog;
using ILogProvider = Hangfire.Logging.ILogProvider;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire's logging is process-wide (a static provider) while logger factories belong to a host. This provider looks
/// up the current host's factory on every message, so loggers Hangfire caches in static fields never outlive a disposed
/// host (several hosts in one test process, one after another); with no live host its messages are dropped.
/// </summary>
internal sealed class HangfireLogging : ILogProvider
{
    private static volatile ILoggerFactory? _current;

    public static void Use(ILoggerFactory factory) => _current = factory;

    public ILog GetLogger(string name) => new Log(name);

    private sealed class Log(string name) : ILog
    {
        bool ILog.Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception)
        {
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => LogLevel.Trace,
                HangfireLogLevel.Debug => LogLevel.Debug,
                HangfireLogLevel.Info => LogLevel.Information,
                HangfireLogLevel.Warn => LogLevel.Warning,
                HangfireLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                if (_current?.CreateLogger(name) is not { } logger || !logger.IsEnabled(level))
                {
                    return false;
                }

                if (messageFunc is not null)
                {
                    logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
