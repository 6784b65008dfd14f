using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IsWorkday = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ledgers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SourceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    DueSoonDays = table.Column<int>(type: "integer", nullable: true),
                    DueSoonInWorkdays = table.Column<bool>(type: "boolean", nullable: true),
                    LagPoints = table.Column<int>(type: "integer", nullable: true),
                    MissedReportsForYellow = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ledgers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ledgers_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LightChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    From = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    To = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LightChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegionLightSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    DueSoonDays = table.Column<int>(type: "integer", nullable: false),
                    DueSoonInWorkdays = table.Column<bool>(type: "boolean", nullable: false),
                    LagPoints = table.Column<int>(type: "integer", nullable: false),
                    MissedReportsForYellow = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionLightSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    LedgerId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SourceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SourceTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SourceDocNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SourceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TargetValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    TargetUnit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LeadUnitId = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    LeaderId = table.Column<int>(type: "integer", nullable: true),
                    LiaisonId = table.Column<int>(type: "integer", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    StartDay = table.Column<int>(type: "integer", nullable: false),
                    DeadlineDay = table.Column<int>(type: "integer", nullable: true),
                    CadenceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CadenceDay = table.Column<int>(type: "integer", nullable: false),
                    CadenceHour = table.Column<int>(type: "integer", nullable: false),
                    NextReportDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Tags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    LastReportAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextMilestoneDue = table.Column<DateOnly>(type: "date", nullable: true),
                    NextMilestoneName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Light = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LightReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LightReasonDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LightReasonText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LightReasonNumber = table.Column<int>(type: "integer", nullable: true),
                    LightSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PreviousLight = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ExemptUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ExemptReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionCount = table.Column<int>(type: "integer", nullable: false),
                    AdjustmentCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkItems_Ledgers_LedgerId",
                        column: x => x.LedgerId,
                        principalTable: "Ledgers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItems_People_LeaderId",
                        column: x => x.LeaderId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItems_People_LiaisonId",
                        column: x => x.LiaisonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItems_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItems_Units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItems_WorkItems_ParentId",
                        column: x => x.ParentId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    PeriodDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedById = table.Column<int>(type: "integer", nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Done = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    Problems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProblemCause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NextSteps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReports_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProposedDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedById = table.Column<int>(type: "integer", nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<int>(type: "integer", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkItemUnits",
                columns: table => new
                {
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItemUnits", x => new { x.WorkItemId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_WorkItemUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItemUnits_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_RegionId_Date",
                table: "CalendarDays",
                columns: new[] { "RegionId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ledgers_RegionId_Year",
                table: "Ledgers",
                columns: new[] { "RegionId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LightChanges_RegionId_At",
                table: "LightChanges",
                columns: new[] { "RegionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LightChanges_WorkItemId_At",
                table: "LightChanges",
                columns: new[] { "WorkItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_WorkItemId_DoneOn_Due",
                table: "Milestones",
                columns: new[] { "WorkItemId", "DoneOn", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_WorkItemId_SubmittedAt",
                table: "ProgressReports",
                columns: new[] { "WorkItemId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionLightSettings_RegionId",
                table: "RegionLightSettings",
                column: "RegionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_RegionId_Status_Kind",
                table: "Reviews",
                columns: new[] { "RegionId", "Status", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_WorkItemId",
                table: "Reviews",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_LeaderId",
                table: "WorkItems",
                column: "LeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_LeadUnitId",
                table: "WorkItems",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_LedgerId",
                table: "WorkItems",
                column: "LedgerId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_LiaisonId",
                table: "WorkItems",
                column: "LiaisonId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_ParentId",
                table: "WorkItems",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_RegionId_LeadUnitPath",
                table: "WorkItems",
                columns: new[] { "RegionId", "LeadUnitPath" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_RegionId_LedgerId_Light",
                table: "WorkItems",
                columns: new[] { "RegionId", "LedgerId", "Light" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_RegionId_Status",
                table: "WorkItems",
                columns: new[] { "RegionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemUnits_RegionId_UnitPath",
                table: "WorkItemUnits",
                columns: new[] { "RegionId", "UnitPath" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemUnits_UnitId",
                table: "WorkItemUnits",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "LightChanges");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropTable(
                name: "RegionLightSettings");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "WorkItemUnits");

            migrationBuilder.DropTable(
                name: "WorkItems");

            migrationBuilder.DropTable(
                name: "Ledgers");
        }
    }
}
