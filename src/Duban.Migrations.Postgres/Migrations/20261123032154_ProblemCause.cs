using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProblemCause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProblemCause",
                table: "WorkItems",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_RegionId_Kind_Status",
                table: "WorkItems",
                columns: new[] { "RegionId", "Kind", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_RegionId_Kind_Status",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "ProblemCause",
                table: "WorkItems");
        }
    }
}
