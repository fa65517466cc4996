using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hamgam.Migrations.Postgres.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claimed_until",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_failed_at",
                table: "outbox",
                type: "timestamp with time zone",
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
