using Hamgam.Core.DailyLogs;
using Hamgam.Core.Habits;
using Hamgam.Core.Projects;
using Hamgam.Core.Runs;
using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Cursors;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Data;

/// <summary>
/// The dashboard's working copy of the four Notion data sources plus the sync machinery.
/// One context type for both providers; each provider has its own generated migrations assembly.
/// </summary>
public sealed class HamgamDb(DbContextOptions<HamgamDb> options) : DbContext(options)
{
    public DbSet<TaskItem> Tasks => Set<TaskItem>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Habit> Habits => Set<Habit>();

    public DbSet<HabitCheckIn> HabitCheckIns => Set<HabitCheckIn>();

    public DbSet<DailyLog> DailyLogs => Set<DailyLog>();

    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();

    public DbSet<SyncRun> SyncLog => Set<SyncRun>();

    public DbSet<SyncRunError> SyncRunErrors => Set<SyncRunError>();

    public DbSet<SyncConflict> Conflicts => Set<SyncConflict>();

    public DbSet<SyncCursor> SyncCursors => Set<SyncCursor>();

    public DbSet<AppSetting> AppSettings => Set<AppSetting>();

    /// <summary>What the user saved on the settings page (schedules, property names); overrides configuration.</summary>
    public DbSet<StoredSetting> Settings => Set<StoredSetting>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<FlexDate>().HaveConversion<FlexDateConverter>().HaveMaxLength(40);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (Database.IsSqlite())
        {
            // SQLite has no instant type; UTC ticks keep ordering and comparisons translatable.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureSynced<TaskItem>(modelBuilder, "tasks");
        ConfigureSynced<Project>(modelBuilder, "projects");
        ConfigureSynced<Habit>(modelBuilder, "habits");
        ConfigureSynced<DailyLog>(modelBuilder, "daily_logs");

        modelBuilder.Entity<TaskItem>(e =>
        {
            e.HasIndex(t => new { t.RecurringTemplateId, t.RecurringDay }).IsUnique();
            e.HasIndex(t => t.ScheduledFor);
            e.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Habit>()
            .HasMany(h => h.CheckIns).WithOne().HasForeignKey(c => c.HabitId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<HabitCheckIn>(e =>
        {
            e.ToTable("habit_check_ins");
            e.HasIndex(c => new { c.HabitId, c.Day });
        });
        modelBuilder.Entity<DailyLog>().HasIndex(d => d.Date);

        modelBuilder.Entity<OutboxEntry>(e =>
        {
            e.ToTable("outbox");
            e.HasIndex(o => new { o.State, o.Priority, o.Id });
            e.HasIndex(o => new { o.EntityKind, o.EntityId });
            e.Property(o => o.ClaimedBy).HasMaxLength(64);
        });
        modelBuilder.Entity<SyncRun>(e =>
        {
            e.ToTable("sync_log");
            e.HasIndex(r => r.StartedAt);
            e.HasMany(r => r.Errors).WithOne().HasForeignKey(x => x.SyncRunId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SyncRunError>().ToTable("sync_run_errors");
        modelBuilder.Entity<SyncConflict>(e =>
        {
            e.ToTable("conflicts");
            e.HasIndex(c => new { c.ResolvedAt, c.DetectedAt });
        });
        modelBuilder.Entity<SyncCursor>(e =>
        {
            e.ToTable("sync_cursors");
            e.HasKey(c => c.EntityKind);
        });

        modelBuilder.Entity<AppSetting>(e =>
        {
            e.ToTable("app_settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
        });

        modelBuilder.Entity<StoredSetting>(e =>
        {
            e.ToTable("settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Value).HasMaxLength(500);
        });

        SnakeCaseNames.Apply(modelBuilder);
    }

    private static void ConfigureSynced<T>(ModelBuilder modelBuilder, string table)
        where T : SyncedEntity
    {
        modelBuilder.Entity<T>(e =>
        {
            e.ToTable(table);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.NotionId).IsUnique();
            e.Property(x => x.NotionId).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            // Lists filter out tombstones and page in a stable order; with the filter column first, SQLite (which has
            // no statistics until ANALYZE) walks the index in order instead of sorting every row for each page.
            e.HasIndex(x => new { x.DeletedAt, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.DeletedAt, x.UpdatedAt, x.Id });
            e.HasIndex(x => new { x.CreatedAt, x.Id });
            e.Ignore(x => x.IsDeleted);
            // Tombstones stay in the table for the sync engine but are hidden from every other query.
            e.HasQueryFilter(x => x.DeletedAt == null);
        });
    }
}
