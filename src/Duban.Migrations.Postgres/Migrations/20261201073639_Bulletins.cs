using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 17);

            migrationBuilder.AddColumn<string>(
                name: "BulletinOffice",
                table: "RegionLightSettings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BulletinWeekday",
                table: "RegionLightSettings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Friday");

            migrationBuilder.AddColumn<int>(
                name: "BulletinId",
                table: "Messages",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Bulletins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuingOffice = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Addressee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Requirements = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CopyTo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    ComposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ComposedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
