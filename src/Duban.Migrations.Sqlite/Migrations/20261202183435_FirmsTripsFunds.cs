using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FirmsTripsFunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Feed",
                table: "Indicators",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Bureau");

            migrationBuilder.CreateTable(
                name: "Firms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IndustryNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    TownUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    StewardId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Firms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Firms_IndustryNodes_IndustryNodeId",
                        column: x => x.IndustryNodeId,
                        principalTable: "IndustryNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Firms_People_StewardId",
                        column: x => x.StewardId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Firms_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Firms_Units_TownUnitId",
                        column: x => x.TownUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundsArrivals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Domestic = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    Foreign = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundsArrivals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundsArrivals_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundsArrivals_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Trips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LeaderId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DatesApproximate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Places = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FirmsMet = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadsFormed = table.Column<int>(type: "INTEGER", nullable: false),
                    FirmNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Trips_People_LeaderId",
                        column: x => x.LeaderId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Trips_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Trips_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FirmNeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirmId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    RatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastRating = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirmNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FirmNeeds_Firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "Firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FirmNeeds_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FirmNeeds_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirmNeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedRatings_FirmNeeds_FirmNeedId",
                        column: x => x.FirmNeedId,
                        principalTable: "FirmNeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FirmNeeds_FirmId",
                table: "FirmNeeds",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_FirmNeeds_RegionId",
                table: "FirmNeeds",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_FirmNeeds_WorkItemId",
                table: "FirmNeeds",
                column: "WorkItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Firms_IndustryNodeId",
                table: "Firms",
                column: "IndustryNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Firms_RegionId_CreditCode",
                table: "Firms",
                columns: new[] { "RegionId", "CreditCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Firms_RegionId_Name",
                table: "Firms",
                columns: new[] { "RegionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Firms_StewardId",
                table: "Firms",
                column: "StewardId");

            migrationBuilder.CreateIndex(
                name: "IX_Firms_TownUnitId",
                table: "Firms",
                column: "TownUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FundsArrivals_RegionId_Year",
                table: "FundsArrivals",
                columns: new[] { "RegionId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundsArrivals_WorkItemId_Year_Month",
                table: "FundsArrivals",
                columns: new[] { "WorkItemId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedRatings_FirmNeedId",
                table: "NeedRatings",
                column: "FirmNeedId");

            migrationBuilder.CreateIndex(
                name: "IX_Trips_LeaderId",
                table: "Trips",
                column: "LeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_Trips_RegionId_UnitId_StartDate",
                table: "Trips",
                columns: new[] { "RegionId", "UnitId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Trips_UnitId",
                table: "Trips",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundsArrivals");

            migrationBuilder.DropTable(
                name: "NeedRatings");

            migrationBuilder.DropTable(
                name: "Trips");

            migrationBuilder.DropTable(
                name: "FirmNeeds");

            migrationBuilder.DropTable(
                name: "Firms");

            migrationBuilder.DropColumn(
                name: "Feed",
                table: "Indicators");
        }
    }
}
