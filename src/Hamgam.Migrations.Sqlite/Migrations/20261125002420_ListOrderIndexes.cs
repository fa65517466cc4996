using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hamgam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_deleted_at",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_projects_deleted_at",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_habits_deleted_at",
                table: "habits");

            migrationBuilder.DropIndex(
                name: "ix_daily_logs_deleted_at",
                table: "daily_logs");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_deleted_at_created_at_id",
                table: "tasks",
                columns: new[] { "deleted_at", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_deleted_at_updated_at_id",
                table: "tasks",
                columns: new[] { "deleted_at", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_deleted_at_created_at_id",
                table: "projects",
                columns: new[] { "deleted_at", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_deleted_at_updated_at_id",
                table: "projects",
                columns: new[] { "deleted_at", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_habits_deleted_at_created_at_id",
                table: "habits",
                columns: new[] { "deleted_at", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_habits_deleted_at_updated_at_id",
                table: "habits",
                columns: new[] { "deleted_at", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_logs_deleted_at_created_at_id",
                table: "daily_logs",
                columns: new[] { "deleted_at", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_logs_deleted_at_updated_at_id",
                table: "daily_logs",
                columns: new[] { "deleted_at", "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_deleted_at_created_at_id",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_deleted_at_updated_at_id",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_projects_deleted_at_created_at_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_deleted_at_updated_at_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_habits_deleted_at_created_at_id",
                table: "habits");

            migrationBuilder.DropIndex(
                name: "ix_habits_deleted_at_updated_at_id",
                table: "habits");

            migrationBuilder.DropIndex(
                name: "ix_daily_logs_deleted_at_created_at_id",
                table: "daily_logs");

            migrationBuilder.DropIndex(
                name: "ix_daily_logs_deleted_at_updated_at_id",
                table: "daily_logs");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_deleted_at",
                table: "tasks",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "ix_projects_deleted_at",
                table: "projects",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "ix_habits_deleted_at",
                table: "habits",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "ix_daily_logs_deleted_at",
                table: "daily_logs",
                column: "deleted_at");
        }
    }
}
