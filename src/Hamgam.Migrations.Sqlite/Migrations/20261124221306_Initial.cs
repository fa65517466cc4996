using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hamgam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "conflicts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entity_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    field = table.Column<string>(type: "TEXT", nullable: false),
                    base_value = table.Column<string>(type: "TEXT", nullable: true),
                    local_value = table.Column<string>(type: "TEXT", nullable: true),
                    remote_value = table.Column<string>(type: "TEXT", nullable: true),
                    detected_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflicts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "daily_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    date = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    mood = table.Column<string>(type: "TEXT", nullable: true),
                    energy = table.Column<double>(type: "REAL", nullable: true),
                    top_win = table.Column<string>(type: "TEXT", nullable: true),
                    main_obstacle = table.Column<string>(type: "TEXT", nullable: true),
                    techniques_suggested = table.Column<string>(type: "TEXT", nullable: true),
                    reflection = table.Column<string>(type: "TEXT", nullable: true),
                    techniques_used = table.Column<string>(type: "TEXT", nullable: true),
                    bad_habits = table.Column<string>(type: "TEXT", nullable: true),
                    good_habits = table.Column<string>(type: "TEXT", nullable: true),
                    desires = table.Column<string>(type: "TEXT", nullable: true),
                    daily_report = table.Column<string>(type: "TEXT", nullable: true),
                    notion_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "TEXT", nullable: true),
                    last_synced = table.Column<long>(type: "INTEGER", nullable: true),
                    notion_last_edited_time = table.Column<long>(type: "INTEGER", nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", nullable: true),
                    baseline = table.Column<string>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "habits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: true),
                    frequency = table.Column<string>(type: "TEXT", nullable: true),
                    counter = table.Column<int>(type: "INTEGER", nullable: false),
                    streak = table.Column<int>(type: "INTEGER", nullable: false),
                    best_streak = table.Column<int>(type: "INTEGER", nullable: false),
                    related_trigger = table.Column<string>(type: "TEXT", nullable: true),
                    last_check_in = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notion_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "TEXT", nullable: true),
                    last_synced = table.Column<long>(type: "INTEGER", nullable: true),
                    notion_last_edited_time = table.Column<long>(type: "INTEGER", nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", nullable: true),
                    baseline = table.Column<string>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_habits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entity_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    fields = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: true),
                    area = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", nullable: true),
                    start_date = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    target_date = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    vision = table.Column<string>(type: "TEXT", nullable: true),
                    notion_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "TEXT", nullable: true),
                    last_synced = table.Column<long>(type: "INTEGER", nullable: true),
                    notion_last_edited_time = table.Column<long>(type: "INTEGER", nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", nullable: true),
                    baseline = table.Column<string>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sync_cursors",
                columns: table => new
                {
                    entity_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    data_source_id = table.Column<string>(type: "TEXT", nullable: false),
                    configured_id = table.Column<string>(type: "TEXT", nullable: true),
                    last_edited_time = table.Column<long>(type: "INTEGER", nullable: true),
                    last_full_pull_at = table.Column<long>(type: "INTEGER", nullable: true),
                    property_ids = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_cursors", x => x.entity_kind);
                });

            migrationBuilder.CreateTable(
                name: "sync_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", nullable: false),
                    records_synced = table.Column<int>(type: "INTEGER", nullable: false),
                    requests_used = table.Column<int>(type: "INTEGER", nullable: false),
                    error_message = table.Column<string>(type: "TEXT", nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    duration_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "habit_check_ins",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    habit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_habit_check_ins", x => x.id);
                    table.ForeignKey(
                        name: "fk_habit_check_ins_habits_habit_id",
                        column: x => x.habit_id,
                        principalTable: "habits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: true),
                    context = table.Column<string>(type: "TEXT", nullable: false),
                    energy_level = table.Column<string>(type: "TEXT", nullable: true),
                    importance = table.Column<string>(type: "TEXT", nullable: true),
                    urgency = table.Column<string>(type: "TEXT", nullable: true),
                    estimated_time = table.Column<string>(type: "TEXT", nullable: true),
                    due_date = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    scheduled_for = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    completed_date = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    quick_win = table.Column<bool>(type: "INTEGER", nullable: false),
                    tags = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true),
                    is_recurring = table.Column<bool>(type: "INTEGER", nullable: false),
                    recurring_type = table.Column<string>(type: "TEXT", nullable: true),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    related_project_notion_ids = table.Column<string>(type: "TEXT", nullable: false),
                    recurring_template_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recurring_day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notion_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "TEXT", nullable: true),
                    last_synced = table.Column<long>(type: "INTEGER", nullable: true),
                    notion_last_edited_time = table.Column<long>(type: "INTEGER", nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", nullable: true),
                    baseline = table.Column<string>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_tasks_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "sync_run_errors",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sync_run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    entity_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    notion_id = table.Column<string>(type: "TEXT", nullable: true),
                    entity_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_run_errors", x => x.id);
                    table.ForeignKey(
                        name: "fk_sync_run_errors_sync_log_sync_run_id",
                        column: x => x.sync_run_id,
                        principalTable: "sync_log",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conflicts_resolved_at_detected_at",
                table: "conflicts",
                columns: new[] { "resolved_at", "detected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_logs_created_at_id",
                table: "daily_logs",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_logs_date",
                table: "daily_logs",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_daily_logs_deleted_at",
                table: "daily_logs",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "ix_daily_logs_notion_id",
                table: "daily_logs",
                column: "notion_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_habit_check_ins_habit_id_day",
                table: "habit_check_ins",
                columns: new[] { "habit_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_habits_created_at_id",
                table: "habits",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_habits_deleted_at",
                table: "habits",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "ix_habits_notion_id",
                table: "habits",
                column: "notion_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_entity_kind_entity_id",
                table: "outbox",
                columns: new[] { "entity_kind", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_state_priority_id",
                table: "outbox",
                columns: new[] { "state", "priority", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_created_at_id",
                table: "projects",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_deleted_at",
                table: "projects",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "ix_projects_notion_id",
                table: "projects",
                column: "notion_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sync_log_started_at",
                table: "sync_log",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_sync_run_errors_sync_run_id",
                table: "sync_run_errors",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_created_at_id",
                table: "tasks",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_deleted_at",
                table: "tasks",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_notion_id",
                table: "tasks",
                column: "notion_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_project_id",
                table: "tasks",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_recurring_template_id_recurring_day",
                table: "tasks",
                columns: new[] { "recurring_template_id", "recurring_day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_scheduled_for",
                table: "tasks",
                column: "scheduled_for");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_settings");

            migrationBuilder.DropTable(
                name: "conflicts");

            migrationBuilder.DropTable(
                name: "daily_logs");

            migrationBuilder.DropTable(
                name: "habit_check_ins");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "sync_cursors");

            migrationBuilder.DropTable(
                name: "sync_run_errors");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "habits");

            migrationBuilder.DropTable(
                name: "sync_log");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
