using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KeyProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InvestmentPercent",
                table: "WorkItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InvestmentYear",
                table: "WorkItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OverdueProblems",
                table: "WorkItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PlannedStartMonth",
                table: "WorkItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GapRedPoints",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "GapYellowPoints",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "StartLateRedMonths",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "StartLateYellowMonths",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "TimeCurve",
                table: "RegionLightSettings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProjectInvestments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectInvestments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectInvestments_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    Pool = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PoolBeforeWithdrawal = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WithdrawalApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SignedPlanned = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartPlanned = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProducingPlanned = table.Column<DateOnly>(type: "date", nullable: true),
                    ProducingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AtCapacityPlanned = table.Column<DateOnly>(type: "date", nullable: true),
                    AtCapacityOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Nature = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IndustryChain = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OwnerCompany = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TownUnitId = table.Column<int>(type: "integer", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Scale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartYear = table.Column<int>(type: "integer", nullable: true),
                    EndYear = table.Column<int>(type: "integer", nullable: true),
                    TotalInvestment = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Units_TownUnitId",
                        column: x => x.TownUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectYearPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectYearPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectYearPlans_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegionMaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    GeoJson = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionMaps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectInvestments_WorkItemId_Year_Month",
                table: "ProjectInvestments",
                columns: new[] { "WorkItemId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_RegionId_Pool_Stage",
                table: "Projects",
                columns: new[] { "RegionId", "Pool", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_TownUnitId",
                table: "Projects",
                column: "TownUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_WorkItemId",
                table: "Projects",
                column: "WorkItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectYearPlans_WorkItemId_Year",
                table: "ProjectYearPlans",
                columns: new[] { "WorkItemId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegionMaps_RegionId",
                table: "RegionMaps",
                column: "RegionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectInvestments");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "ProjectYearPlans");

            migrationBuilder.DropTable(
                name: "RegionMaps");

            migrationBuilder.DropColumn(
                name: "InvestmentPercent",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "InvestmentYear",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "OverdueProblems",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "PlannedStartMonth",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "GapRedPoints",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "GapYellowPoints",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "StartLateRedMonths",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "StartLateYellowMonths",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "TimeCurve",
                table: "RegionLightSettings");
        }
    }
}
