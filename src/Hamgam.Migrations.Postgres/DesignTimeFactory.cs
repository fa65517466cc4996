using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hamgam.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for Postgres; no connection is opened to generate migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HamgamDb>
{
    public HamgamDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<HamgamDb>();
        HamgamDbSetup.Configure(builder, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=hamgam_design;Username=postgres;Password=postgres");
        return new HamgamDb(builder.Options);
    }
}
