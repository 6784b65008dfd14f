using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LeadLaggingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_LeadLagging",
                table: "WorkItems",
                columns: new[] { "RegionId", "Light", "LightSince", "Id" },
                filter: "\"Kind\" = 'Lead'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_LeadLagging",
                table: "WorkItems");
        }
    }
}
