using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_LedgerId",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_LedgerId_Kind",
                table: "WorkItems",
                columns: new[] { "LedgerId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_LedgerId_Kind",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_LedgerId",
                table: "WorkItems",
                column: "LedgerId");
        }
    }
}
