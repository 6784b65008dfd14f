using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Leads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeadLastContactDay",
                table: "WorkItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeadNextStepDue",
                table: "WorkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadSignedDay",
                table: "WorkItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadStaleRedDays",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<int>(
                name: "LeadStaleYellowDays",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "LeadUnlandedRedMonths",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "LeadUnlandedYellowMonths",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "IndustryNodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryNodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndustryNodes_IndustryNodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "IndustryNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndustryNodes_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Leads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Investor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InvestorOrigin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IndustryNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceText = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PlannedInvestment = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HighestStage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StageSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StageBeforeTermination = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FirstContactOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastContactOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LandedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProjectWorkItemId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Leads_IndustryNodes_IndustryNodeId",
                        column: x => x.IndustryNodeId,
                        principalTable: "IndustryNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Leads_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Leads_WorkItems_ProjectWorkItemId",
                        column: x => x.ProjectWorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Leads_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    People = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Agreed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadContacts_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeadContacts_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeadStageChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OnDay = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftDay = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadStageChanges_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndustryNodes_ParentId",
                table: "IndustryNodes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryNodes_RegionId_ParentId_Name",
                table: "IndustryNodes",
                columns: new[] { "RegionId", "ParentId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadContacts_LeadId_On",
                table: "LeadContacts",
                columns: new[] { "LeadId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadContacts_RecordedById",
                table: "LeadContacts",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_IndustryNodeId",
                table: "Leads",
                column: "IndustryNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_ProjectWorkItemId",
                table: "Leads",
                column: "ProjectWorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_RegionId_Stage",
                table: "Leads",
                columns: new[] { "RegionId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_WorkItemId",
                table: "Leads",
                column: "WorkItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadStageChanges_LeadId",
                table: "LeadStageChanges",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStageChanges_RegionId_Stage",
                table: "LeadStageChanges",
                columns: new[] { "RegionId", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadContacts");

            migrationBuilder.DropTable(
                name: "LeadStageChanges");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "IndustryNodes");

            migrationBuilder.DropColumn(
                name: "LeadLastContactDay",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "LeadNextStepDue",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "LeadSignedDay",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "LeadStaleRedDays",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "LeadStaleYellowDays",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "LeadUnlandedRedMonths",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "LeadUnlandedYellowMonths",
                table: "RegionLightSettings");
        }
    }
}
