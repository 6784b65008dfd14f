using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SubtreeListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_RegionId_LeadUnitPath",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_RegionId_LeadUnitPath",
                table: "WorkItems",
                columns: new[] { "RegionId", "LeadUnitPath", "Kind", "Light", "LedgerId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_RegionId_LeadUnitPath",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_RegionId_LeadUnitPath",
                table: "WorkItems",
                columns: new[] { "RegionId", "LeadUnitPath" });
        }
    }
}
