using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hamgam.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for Sqlite; no connection is opened to generate migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HamgamDb>
{
    public HamgamDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<HamgamDb>();
        HamgamDbSetup.Configure(builder, DatabaseProvider.Sqlite, HamgamDbSetup.SqliteConnectionString("design-time.db"));
        return new HamgamDb(builder.Options);
    }
}
