using System.Reflection;
using Hamgam.Core.Data;
using Xunit.Sdk;

namespace Hamgam.Testing;

/// <summary>
/// Runs a <c>[Theory]</c> once per database provider: SQLite and PostgreSQL. PostgreSQL is left out only when
/// <c>HAMGAM_TEST_SKIP_POSTGRES=1</c> is set on a developer machine; under <c>CI=true</c> it always runs, so an
/// unreachable server fails the build instead of being skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnAllDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        if (!TestEnvironment.PostgresOptedOut)
        {
            yield return [DatabaseProvider.Postgres];
        }
    }
}
