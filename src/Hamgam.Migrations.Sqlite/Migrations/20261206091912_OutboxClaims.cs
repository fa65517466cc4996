using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hamgam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "claimed_by",
                table: "outbox",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "claimed_until",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "last_failed_at",
                table: "outbox",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "claimed_by",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "last_failed_at",
                table: "outbox");
        }
    }
}
