using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>
/// Cross-process "no overlap" for jobs: a lock in the job storage taken without waiting. On PostgreSQL (several
/// processes may share it) this is Hangfire's lock row; on SQLite one process owns the file, and the runner's
/// in-process semaphores already keep runs apart (the SQLite storage's locks are thread-bound, which async jobs are not).
/// </summary>
public sealed class JobLocks(JobStorage storage)
{
    /// <summary>The held lock, or null when another run holds it.</summary>
    public IDisposable? TryAcquire(string resource)
    {
        if (storage is not PostgreSqlStorage)
        {
            return NoLock.Instance;
        }

        var connection = storage.GetConnection();
        try
        {
            return new Held(connection, connection.AcquireDistributedLock(resource, TimeSpan.Zero));
        }
        catch (DistributedLockTimeoutException)
        {
            connection.Dispose();
            return null;
        }
    }

    private sealed class Held(IStorageConnection connection, IDisposable handle) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                handle.Dispose();
            }
            finally
            {
                connection.Dispose();
            }
        }
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
