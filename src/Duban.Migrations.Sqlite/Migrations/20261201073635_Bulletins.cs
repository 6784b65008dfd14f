using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Regions that kept their rules get the default schedule (Fridays 17:00), as new regions do.
            migrationBuilder.AddColumn<int>(
                name: "BulletinHour",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 17);

            migrationBuilder.AddColumn<string>(
                name: "BulletinOffice",
                table: "RegionLightSettings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BulletinWeekday",
                table: "RegionLightSettings",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Friday");

            migrationBuilder.AddColumn<int>(
                name: "BulletinId",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Bulletins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuingOffice = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CopyTo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Figures = table.Column<string>(type: "TEXT", nullable: false),
                    ComposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComposedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bulletins", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_RegionId_Kind_PeriodStart",
                table: "Bulletins",
                columns: new[] { "RegionId", "Kind", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_RegionId_Kind_Year_Sequence",
                table: "Bulletins",
                columns: new[] { "RegionId", "Kind", "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bulletins");

            migrationBuilder.DropColumn(
                name: "BulletinHour",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "BulletinOffice",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "BulletinWeekday",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "BulletinId",
                table: "Messages");
        }
    }
}
