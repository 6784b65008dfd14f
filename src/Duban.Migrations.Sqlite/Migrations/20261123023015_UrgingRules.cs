using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UrgingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnswerWithinWorkdays",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "LetterAfterOverdueDays",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticeAfterOverdueDays",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemindDaysBefore",
                table: "RegionLightSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            // Regions that kept their rules get the default ladder, as new regions do.
            migrationBuilder.Sql("UPDATE \"RegionLightSettings\" SET \"LetterAfterOverdueDays\" = 3, \"NoticeAfterOverdueDays\" = 10");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnswerWithinWorkdays",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "LetterAfterOverdueDays",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "NoticeAfterOverdueDays",
                table: "RegionLightSettings");

            migrationBuilder.DropColumn(
                name: "RemindDaysBefore",
                table: "RegionLightSettings");
        }
    }
}
