using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeadNextStepDue",
                table: "WorkItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadSignedDay",
                table: "WorkItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadStaleRedDays",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<int>(
                name: "LeadStaleYellowDays",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "LeadUnlandedRedMonths",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "LeadUnlandedYellowMonths",
                table: "RegionLightSettings",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "IndustryNodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    WorkItemId = table.Column<int>(type: "integer", nullable: false),
                    Investor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InvestorOrigin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IndustryNodeId = table.Column<int>(type: "integer", nullable: true),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceText = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PlannedInvestment = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HighestStage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StageSince = table.Column<DateOnly>(type: "date", nullable: false),
                    StageBeforeTermination = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FirstContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextStep = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedAmount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LandedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProjectWorkItemId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    LeadId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    People = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Agreed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NextStep = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedById = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    LeadId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OnDay = table.Column<int>(type: "integer", nullable: false),
                    LeftDay = table.Column<int>(type: "integer", nullable: true)
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
