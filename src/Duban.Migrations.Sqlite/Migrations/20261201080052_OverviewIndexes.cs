using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OverviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LightChanges_RegionId_At",
                table: "LightChanges");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Lagging",
                table: "WorkItems",
                columns: new[] { "RegionId", "Light", "LightSince", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Overview",
                table: "WorkItems",
                columns: new[] { "RegionId", "LeadUnitId", "Kind", "Light", "Status", "Deadline", "ClosedOn", "LightReason", "NextReportDueAt", "ExtensionCount" });

            migrationBuilder.CreateIndex(
                name: "IX_LightChanges_RegionId_At_To",
                table: "LightChanges",
                columns: new[] { "RegionId", "At", "To" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Lagging",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Overview",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_LightChanges_RegionId_At_To",
                table: "LightChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LightChanges_RegionId_At",
                table: "LightChanges",
                columns: new[] { "RegionId", "At" });
        }
    }
}
