using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hamgam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HabitCheckInUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "previous_best_streak",
                table: "habit_check_ins",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "previous_last_check_in",
                table: "habit_check_ins",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "previous_streak",
                table: "habit_check_ins",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "previous_best_streak",
                table: "habit_check_ins");

            migrationBuilder.DropColumn(
                name: "previous_last_check_in",
                table: "habit_check_ins");

            migrationBuilder.DropColumn(
                name: "previous_streak",
                table: "habit_check_ins");
        }
    }
}
