using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hamgam.Migrations.Postgres.Migrations
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
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "conflicts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    field = table.Column<string>(type: "text", nullable: false),
                    base_value = table.Column<string>(type: "text", nullable: true),
                    local_value = table.Column<string>(type: "text", nullable: true),
                    remote_value = table.Column<string>(type: "text", nullable: true),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflicts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "daily_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    mood = table.Column<string>(type: "text", nullable: true),
                    energy = table.Column<double>(type: "double precision", nullable: true),
                    top_win = table.Column<string>(type: "text", nullable: true),
                    main_obstacle = table.Column<string>(type: "text", nullable: true),
                    techniques_suggested = table.Column<string>(type: "text", nullable: true),
                    reflection = table.Column<string>(type: "text", nullable: true),
                    techniques_used = table.Column<string>(type: "text", nullable: true),
                    bad_habits = table.Column<string>(type: "text", nullable: true),
                    good_habits = table.Column<string>(type: "text", nullable: true),
                    desires = table.Column<string>(type: "text", nullable: true),
                    daily_report = table.Column<string>(type: "text", nullable: true),
                    notion_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "text", nullable: true),
                    last_synced = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notion_last_edited_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "text", nullable: true),
                    baseline = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "habits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    frequency = table.Column<string>(type: "text", nullable: true),
                    counter = table.Column<int>(type: "integer", nullable: false),
                    streak = table.Column<int>(type: "integer", nullable: false),
                    best_streak = table.Column<int>(type: "integer", nullable: false),
                    related_trigger = table.Column<string>(type: "text", nullable: true),
                    last_check_in = table.Column<DateOnly>(type: "date", nullable: true),
                    notion_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "text", nullable: true),
                    last_synced = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notion_last_edited_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "text", nullable: true),
                    baseline = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_habits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    operation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    fields = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: true),
                    area = table.Column<string>(type: "text", nullable: true),
                    priority = table.Column<string>(type: "text", nullable: true),
                    start_date = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    target_date = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    vision = table.Column<string>(type: "text", nullable: true),
                    notion_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "text", nullable: true),
                    last_synced = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notion_last_edited_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "text", nullable: true),
                    baseline = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sync_cursors",
                columns: table => new
                {
                    entity_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    data_source_id = table.Column<string>(type: "text", nullable: false),
                    configured_id = table.Column<string>(type: "text", nullable: true),
                    last_edited_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_full_pull_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    property_ids = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_cursors", x => x.entity_kind);
                });

            migrationBuilder.CreateTable(
                name: "sync_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    trigger = table.Column<string>(type: "text", nullable: false),
                    records_synced = table.Column<int>(type: "integer", nullable: false),
                    requests_used = table.Column<int>(type: "integer", nullable: false),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duration_ms = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "habit_check_ins",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    habit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: true),
                    context = table.Column<List<string>>(type: "text[]", nullable: false),
                    energy_level = table.Column<string>(type: "text", nullable: true),
                    importance = table.Column<string>(type: "text", nullable: true),
                    urgency = table.Column<string>(type: "text", nullable: true),
                    estimated_time = table.Column<string>(type: "text", nullable: true),
                    due_date = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    scheduled_for = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    completed_date = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    quick_win = table.Column<bool>(type: "boolean", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    category = table.Column<string>(type: "text", nullable: true),
                    type = table.Column<string>(type: "text", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    is_recurring = table.Column<bool>(type: "boolean", nullable: false),
                    recurring_type = table.Column<string>(type: "text", nullable: true),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    related_project_notion_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    recurring_template_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recurring_day = table.Column<DateOnly>(type: "date", nullable: true),
                    notion_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    notion_url = table.Column<string>(type: "text", nullable: true),
                    last_synced = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notion_last_edited_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "text", nullable: true),
                    baseline = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: false),
                    entity_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    notion_id = table.Column<string>(type: "text", nullable: true),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message = table.Column<string>(type: "text", nullable: false)
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
